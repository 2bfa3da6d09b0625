import { NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import type { CallInput } from '@shared/contract';
import type { MeetingDetail, MeetingKind } from '@shared/contract/meetings';
import { formatDate, readTypedDate, typedDateInput } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import { DateField, FormDialog, FormFrame, TextField, useContractForm, useLeaveGuard, type ContractForm } from '@renderer/components/form';
import { PersonPicker, wordFilter } from '@renderer/components/pickers';
import { kindOptions, MeetingSaveRow } from './common';

interface MeetingValues {
  groupId: number | null;
  kind: MeetingKind;
  number: number | '';
  /** As typed: ДД.ММ.ГГГГ. */
  dateStart: string;
  dateEnd: string;
  time: string;
  town: string;
  address: string;
  chairId: number | null;
  secretaryId: number | null;
  planItemId: number | null;
}

const valuesOf = (m: MeetingDetail): MeetingValues => ({
  groupId: m.group.id,
  kind: m.kind,
  number: m.number,
  dateStart: formatDate(m.dateStart),
  dateEnd: formatDate(m.dateEnd),
  time: m.time,
  town: m.town,
  address: m.address,
  chairId: m.chair?.id ?? null,
  secretaryId: m.secretary?.id ?? null,
  planItemId: m.planItem?.id ?? null,
});

const blank = (groupId: number | null): MeetingValues => ({
  groupId,
  kind: 'session',
  number: '',
  dateStart: '',
  dateEnd: '',
  time: '',
  town: '',
  address: '',
  chairId: null,
  secretaryId: null,
  planItemId: null,
});

/**
 * The call's input from the form. Empty required fields go as missing, not as a made-up
 * value: the contract refuses them with its own Russian message under the right field.
 */
const inputOf = (v: MeetingValues) =>
  ({
    ...v,
    groupId: v.groupId ?? undefined,
    number: v.number === '' ? null : Number(v.number),
    dateStart: typedDateInput(v.dateStart) ?? undefined,
    dateEnd: typedDateInput(v.dateEnd),
  }) as CallInput<'meetings.create'>;

/** A new meeting: its date first, the group chosen already when there is one (or it was opened from the group). */
export function CreateMeetingDialog({ groupId, onClose }: { groupId: number | null; onClose: () => void }) {
  const navigate = useNavigate();
  const cf = useContractForm({
    call: 'meetings.create',
    initialValues: blank(groupId),
    toInput: inputOf,
    success: 'Заседание создано',
    onSaved: (m) => navigate(`/meetings/list/${m.id}`),
  });
  return (
    <FormDialog cf={cf} title="Новое заседание" size="xl" onClose={onClose} submitLabel="Создать заседание">
      <MeetingFields cf={cf} isNew />
    </FormDialog>
  );
}

/** The details tab of a meeting: the same fields, saved in place; a signed meeting shows them locked. */
export function MeetingDetailsForm({ m, locked }: { m: MeetingDetail; locked: boolean }) {
  const cf = useContractForm({
    call: 'meetings.update',
    initialValues: valuesOf(m),
    toInput: (v) => ({ id: m.id, data: inputOf(v) }),
    success: 'Сведения сохранены',
  });
  useLeaveGuard(cf.dirty);
  return (
    <FormFrame cf={cf} actions={<MeetingSaveRow cf={cf} label="Сохранить сведения" locked={locked} />}>
      {/* A native fieldset disables every input inside, pickers included, for a signed meeting. */}
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
        <MeetingFields cf={cf} isNew={false} disabled={locked} />
      </fieldset>
    </FormFrame>
  );
}

/** The meeting's header: dates, number, group, kind, place, officers, the plan item it realises. */
function MeetingFields({
  cf,
  isNew,
  disabled = false,
}: {
  cf: ContractForm<MeetingValues, 'meetings.create' | 'meetings.update'>;
  isNew: boolean;
  disabled?: boolean;
}) {
  const values = cf.form.getValues();
  const groups = useCall('workingGroups.list', {});
  const start = readTypedDate(values.dateStart);
  const year = start.kind === 'date' ? Number(start.iso.slice(0, 4)) : null;
  const candidates = useCall('meetings.planCandidates', { year: year ?? 2000 }, { enabled: year !== null });
  const next = useCall(
    'meetings.nextNumber',
    { groupId: values.groupId ?? 1, year: year ?? 2000 },
    { enabled: isNew && values.groupId !== null && year !== null },
  );
  const planOptions = (candidates.data ?? [])
    .filter((c) => !c.used || c.id === values.planItemId)
    .map((c) => ({ value: c.id, label: `${c.title} (${c.form}, ${c.termLabel})` }));

  return (
    <Stack>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <DateField cf={cf} path="dateStart" label="Дата" required disabled={disabled} />
        <DateField cf={cf} path="dateEnd" label="Дата окончания" placeholder="если несколько дней" disabled={disabled} />
        <TextField cf={cf} path="time" label="Время" placeholder="10:00" disabled={disabled} />
        <NumberInput
          label="Номер"
          placeholder={next.data ? `${next.data} (автоматически)` : 'автоматически'}
          min={1}
          allowDecimal={false}
          disabled={disabled}
          {...cf.field('number')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select<number>
          label="Рабочая группа"
          required
          searchable
          selectFirstOptionOnChange
          allowDeselect={false}
          data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          disabled={disabled}
          nothingFoundMessage="Сначала добавьте рабочую группу"
          {...cf.field('groupId')}
        />
        <Select<MeetingKind> label="Вид" required allowDeselect={false} data={kindOptions} disabled={disabled} {...cf.field('kind')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextField cf={cf} path="town" label="Населённый пункт" placeholder="г. Уварово" disabled={disabled} />
        <TextField cf={cf} path="address" label="Адрес" disabled={disabled} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonPicker
          label="Председатель"
          placeholder={isNew ? 'Председатель группы' : undefined}
          disabled={disabled}
          {...cf.field('chairId')}
        />
        <PersonPicker
          label="Секретарь"
          placeholder={isNew ? 'Секретарь группы' : undefined}
          disabled={disabled}
          {...cf.field('secretaryId')}
        />
      </SimpleGrid>
      <Select<number>
        label="Мероприятие плана работы, которое реализует заседание"
        description={
          year ? `план на ${year} год; когда заседание проведено, план показывает мероприятие выполненным` : 'сначала укажите дату'
        }
        placeholder={planOptions.length ? 'Выберите мероприятие' : 'В плане этого года нет свободных мероприятий'}
        data={planOptions}
        clearable
        searchable
        selectFirstOptionOnChange
        allowDeselect={false}
        filter={wordFilter}
        disabled={disabled || year === null}
        {...cf.field('planItemId')}
      />
    </Stack>
  );
}
