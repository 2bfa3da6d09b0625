import { Checkbox, Input, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { PlanItem, PlanItemInput, Term } from '@shared/contract/workPlan';
import type { Direction, PlanStatus, TermKind } from '@shared/enums';
import { useChange } from '@renderer/api/client';
import { FormModal } from '@renderer/components/screen';
import { useDraft } from '@renderer/components/form';
import { OrganizationsMultiPicker, PeopleMultiPicker } from '@renderer/components/pickers';
import { ListValuePicker } from '@renderer/components/ListValuePicker';
import { directionOptions, monthOptions, quarterOptions, RealisationNotice, statusOptions } from './common';
import { parseRuDate } from '@shared/russian';

interface Props {
  year: number;
  /** The item to edit, or null to add one. */
  editing: PlanItem | null;
  defaultDirection: Direction;
  onClose: () => void;
}

interface Draft {
  direction: Direction;
  title: string;
  formId: number | null;
  termKind: TermKind;
  date: string | null;
  month: string | null;
  quarter: string | null;
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

function draftOf(item: PlanItem | null, direction: Direction): Draft {
  const term = item?.term;
  return {
    direction: item?.direction ?? direction,
    title: item?.title ?? '',
    formId: item?.formId ?? null,
    termKind: term?.kind ?? 'month',
    date: term?.kind === 'date' ? term.date : null,
    month: term?.kind === 'month' ? String(term.month) : null,
    quarter: term?.kind === 'quarter' ? String(term.quarter) : null,
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
 * The term as the contract takes it. An unfilled date or month goes as is, so the server
 * answers with the same Russian message under the field as for any other bad input.
 */
function termOf(d: Draft): Term {
  switch (d.termKind) {
    case 'date':
      return { kind: 'date', date: d.date ?? '' };
    case 'month':
      return { kind: 'month', month: Number(d.month ?? 0) };
    case 'quarter':
      return { kind: 'quarter', quarter: Number(d.quarter ?? 0) };
    case 'year':
      return { kind: 'year' };
  }
}

export function ItemForm({ year, editing, defaultDirection, onClose }: Props) {
  const { draft, set, errors } = useDraft<Draft>(() => draftOf(editing, defaultDirection));
  const create = useChange('workPlan.createItem', { success: 'Мероприятие добавлено в план' });
  const update = useChange('workPlan.updateItem', { success: 'Изменения сохранены' });

  const submit = () => {
    const data: Omit<PlanItemInput, 'year'> = {
      direction: draft.direction,
      title: draft.title,
      // An unchosen form goes as is: the server answers «Выберите форму» under the field.
      formId: draft.formId ?? 0,
      term: termOf(draft),
      responsibleIds: draft.responsibleIds,
      partnerIds: draft.partnerIds,
      targetAudience: draft.targetAudience,
      status: draft.status,
      resultNote: draft.resultNote,
      recurring: draft.recurring,
    };
    const callbacks = { onSuccess: onClose, onError: errors.fromError };
    if (editing) update.mutate({ id: editing.id, data }, callbacks);
    else create.mutate({ year, ...data }, callbacks);
  };

  const termError = errors.of('term.kind') ?? errors.of('term');

  return (
    <FormModal
      title={editing ? `Мероприятие ${editing.number}` : `Новое мероприятие плана на ${year} год`}
      size="xl"
      onClose={onClose}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <Textarea
        label="Мероприятие"
        required
        autosize
        minRows={2}
        value={draft.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        error={errors.of('title')}
        data-autofocus
      />
      <SimpleGrid cols={2}>
        <Select
          label="Направление"
          required
          allowDeselect={false}
          data={directionOptions}
          value={draft.direction}
          onChange={(v) => v && set('direction', v as Direction)}
          error={errors.of('direction')}
        />
        <ListValuePicker
          list="planForms"
          label="Форма"
          required
          placeholder="Семинар, круглый стол…"
          value={draft.formId}
          onChange={(v) => set('formId', v)}
          error={errors.of('formId')}
        />
      </SimpleGrid>
      <Input.Wrapper label="Срок" required error={termError}>
        <Stack gap="xs" mt={4}>
          <SegmentedControl
            data={TERM_KIND_OPTIONS}
            value={draft.termKind}
            onChange={(v) => set('termKind', v as TermKind, 'term')}
            aria-label="Как указан срок"
          />
          {draft.termKind === 'date' ? (
            <DateInput
              aria-label="Дата"
              placeholder="ДД.ММ.ГГГГ"
              valueFormat="DD.MM.YYYY"
              dateParser={parseRuDate}
              defaultDate={`${year}-01-01`}
              value={draft.date}
              onChange={(v) => set('date', v, 'term.date')}
              error={errors.of('term.date')}
              clearable
            />
          ) : null}
          {draft.termKind === 'month' ? (
            <Select
              aria-label="Месяц"
              placeholder="Выберите месяц"
              data={monthOptions}
              value={draft.month}
              onChange={(v) => set('month', v, 'term.month')}
              error={errors.of('term.month')}
            />
          ) : null}
          {draft.termKind === 'quarter' ? (
            <Select
              aria-label="Квартал"
              placeholder="Выберите квартал"
              data={quarterOptions}
              value={draft.quarter}
              onChange={(v) => set('quarter', v, 'term.quarter')}
              error={errors.of('term.quarter')}
            />
          ) : null}
          <Checkbox
            label="Проводится регулярно: выполнение отмечается вручную, одно заседание его не закрывает"
            checked={draft.recurring || draft.termKind === 'year'}
            disabled={draft.termKind === 'year'}
            onChange={(e) => set('recurring', e.currentTarget.checked)}
          />
        </Stack>
      </Input.Wrapper>
      <SimpleGrid cols={2}>
        <PeopleMultiPicker
          label="Ответственные"
          value={draft.responsibleIds}
          onChange={(v) => set('responsibleIds', v)}
          error={errors.of('responsibleIds')}
        />
        <OrganizationsMultiPicker
          label="Партнёры"
          value={draft.partnerIds}
          onChange={(v) => set('partnerIds', v)}
          error={errors.of('partnerIds')}
        />
      </SimpleGrid>
      <TextInput
        label="Целевая аудитория"
        value={draft.targetAudience}
        onChange={(e) => set('targetAudience', e.currentTarget.value)}
        error={errors.of('targetAudience')}
      />
      {editing ? <RealisationNotice item={editing} /> : null}
      <SimpleGrid cols={2}>
        <Select
          label="Статус"
          allowDeselect={false}
          data={statusOptions}
          value={draft.status}
          onChange={(v) => v && set('status', v as PlanStatus)}
          error={errors.of('status')}
        />
      </SimpleGrid>
      <Textarea
        label="Отметка о выполнении"
        autosize
        minRows={2}
        value={draft.resultNote}
        onChange={(e) => set('resultNote', e.currentTarget.value)}
        error={errors.of('resultNote')}
      />
    </FormModal>
  );
}
