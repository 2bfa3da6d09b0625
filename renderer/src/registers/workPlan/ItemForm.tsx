import { Checkbox, Input, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core';
import type { PlanItem, PlanItemInput, Term } from '@shared/contract/workPlan';
import type { Direction, PlanStatus, TermKind } from '@shared/enums';
import { formatDate, typedDateInput } from '@shared/russian';
import { DateField, FormDialog, LongTextField, TextField, useContractForm } from '@renderer/components/form';
import { OrganizationsMultiPicker, PeopleMultiPicker } from '@renderer/components/pickers';
import { ListValuePicker } from '@renderer/components/ListValuePicker';
import { directionOptions, monthOptions, quarterOptions, RealisationNotice, statusOptions } from './common';

interface Props {
  year: number;
  /** The item to edit, or null to add one. */
  editing: PlanItem | null;
  defaultDirection: Direction;
  onClose: () => void;
}

interface Values {
  direction: Direction;
  title: string;
  formId: number | null;
  /** Every way of giving the term at once, so switching between them keeps what was typed. */
  term: { kind: TermKind; date: string; month: string | null; quarter: string | null };
  responsibleIds: number[];
  partnerIds: number[];
  targetAudience: string;
  status: PlanStatus;
  resultNote: string;
  recurring: boolean;
}

const TERM_KIND_OPTIONS = [
  { value: 'date', label: 'Дата' },
  { value: 'month', label: 'Месяц' },
  { value: 'quarter', label: 'Квартал' },
  { value: 'year', label: 'В течение года' },
];

function valuesOf(item: PlanItem | null, direction: Direction): Values {
  const term = item?.term;
  return {
    direction: item?.direction ?? direction,
    title: item?.title ?? '',
    formId: item?.formId ?? null,
    term: {
      kind: term?.kind ?? 'month',
      date: term?.kind === 'date' ? formatDate(term.date) : '',
      month: term?.kind === 'month' ? String(term.month) : null,
      quarter: term?.kind === 'quarter' ? String(term.quarter) : null,
    },
    responsibleIds: item?.responsibles.map((r) => r.id) ?? [],
    partnerIds: item?.partners.map((p) => p.id) ?? [],
    targetAudience: item?.targetAudience ?? '',
    // Her own status: the one the plan shows may come from a held meeting.
    status: item?.ownStatus ?? 'planned',
    resultNote: item?.resultNote ?? '',
    recurring: item?.recurring ?? false,
  };
}

/**
 * The term as the contract takes it. An unfilled date or month goes as missing, so the
 * contract's own message says what to fill in.
 */
function termOf(t: Values['term']): Term {
  switch (t.kind) {
    case 'date':
      return { kind: 'date', date: typedDateInput(t.date) as string };
    case 'month':
      return { kind: 'month', month: t.month === null ? (undefined as never) : Number(t.month) };
    case 'quarter':
      return { kind: 'quarter', quarter: t.quarter === null ? (undefined as never) : Number(t.quarter) };
    case 'year':
      return { kind: 'year' };
  }
}

export function ItemForm({ year, editing, defaultDirection, onClose }: Props) {
  const cf = useContractForm({
    call: editing ? 'workPlan.updateItem' : 'workPlan.createItem',
    initialValues: valuesOf(editing, defaultDirection),
    toInput: (v: Values) => {
      // An unchosen form goes as 0: the contract's own check says «Выберите форму» under the field.
      const data: Omit<PlanItemInput, 'year'> = { ...v, formId: v.formId ?? 0, term: termOf(v.term) };
      return editing ? { id: editing.id, data } : { year, ...data };
    },
    success: editing ? 'Изменения сохранены' : 'Мероприятие добавлено в план',
    onSaved: onClose,
  });
  const { term, recurring } = cf.form.getValues();

  return (
    <FormDialog
      cf={cf}
      title={editing ? `Мероприятие ${editing.number}` : `Новое мероприятие плана на ${year} год`}
      size="xl"
      onClose={onClose}
    >
      <TextField cf={cf} path="title" label="Мероприятие" required long />
      <SimpleGrid cols={2}>
        <Select
          label="Направление"
          required
          allowDeselect={false}
          searchable
          selectFirstOptionOnChange
          data={directionOptions}
          {...cf.field('direction')}
        />
        <ListValuePicker list="planForms" label="Форма" required placeholder="Семинар, круглый стол…" {...cf.field('formId')} />
      </SimpleGrid>
      <Input.Wrapper label="Срок" required error={cf.form.errors['term']} data-path="term">
        <Stack gap="xs" mt={4}>
          <SegmentedControl data={TERM_KIND_OPTIONS} aria-label="Как указан срок" {...cf.field('term.kind')} />
          {term.kind === 'date' ? <DateField cf={cf} path="term.date" aria-label="Дата" defaultDate={`${year}-01-01`} /> : null}
          {term.kind === 'month' ? (
            <Select
              aria-label="Месяц"
              placeholder="Выберите месяц"
              data={monthOptions}
              searchable
              selectFirstOptionOnChange
              allowDeselect={false}
              {...cf.field('term.month')}
            />
          ) : null}
          {term.kind === 'quarter' ? (
            <Select
              aria-label="Квартал"
              placeholder="Выберите квартал"
              data={quarterOptions}
              allowDeselect={false}
              {...cf.field('term.quarter')}
            />
          ) : null}
          <Checkbox
            label="Проводится регулярно: выполнение отмечается вручную, одно заседание его не закрывает"
            {...cf.field('recurring', { type: 'checkbox' })}
            checked={recurring || term.kind === 'year'}
            disabled={term.kind === 'year'}
          />
        </Stack>
      </Input.Wrapper>
      <SimpleGrid cols={2}>
        <PeopleMultiPicker label="Ответственные" {...cf.field('responsibleIds')} />
        <OrganizationsMultiPicker label="Партнёры" {...cf.field('partnerIds')} />
      </SimpleGrid>
      <TextField cf={cf} path="targetAudience" label="Целевая аудитория" long />
      {editing ? <RealisationNotice item={editing} /> : null}
      <SimpleGrid cols={2}>
        <Select label="Статус" allowDeselect={false} data={statusOptions} {...cf.field('status')} />
      </SimpleGrid>
      <LongTextField cf={cf} path="resultNote" label="Отметка о выполнении" />
    </FormDialog>
  );
}
