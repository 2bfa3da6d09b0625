import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { FormEvent } from 'react';
import type { CallInput } from '@shared/contract';
import type { MeetingDetail, MeetingKind } from '@shared/contract/meetings';
import { useCall } from '@renderer/api/client';
import { useDraft } from '@renderer/components/form';
import { PersonPicker, wordFilter } from '@renderer/components/pickers';
import { kindOptions } from './common';
import { parseRuDate } from '@shared/russian';

export interface MeetingDraft {
  groupId: number | null;
  kind: MeetingKind;
  number: number | null;
  dateStart: string | null;
  dateEnd: string | null;
  time: string;
  town: string;
  address: string;
  chairId: number | null;
  secretaryId: number | null;
  planItemId: number | null;
}

export const draftOf = (m: MeetingDetail): MeetingDraft => ({
  groupId: m.group.id,
  kind: m.kind,
  number: m.number,
  dateStart: m.dateStart,
  dateEnd: m.dateEnd,
  time: m.time,
  town: m.town,
  address: m.address,
  chairId: m.chair?.id ?? null,
  secretaryId: m.secretary?.id ?? null,
  planItemId: m.planItem?.id ?? null,
});

export const emptyDraft = (groupId: number | null): MeetingDraft => ({
  groupId,
  kind: 'session',
  number: null,
  dateStart: null,
  dateEnd: null,
  time: '',
  town: '',
  address: '',
  chairId: null,
  secretaryId: null,
  planItemId: null,
});

/**
 * The call's input from the form. Empty required fields go as missing, not as a made-up
 * value: the server refuses them with its own Russian message under the right field.
 */
export const meetingInputOf = (d: MeetingDraft) =>
  ({ ...d, groupId: d.groupId ?? undefined, dateStart: d.dateStart ?? undefined }) as CallInput<'meetings.create'>;

interface Props {
  initial: MeetingDraft;
  /** A new meeting takes its chair and secretary from the group unless chosen here. */
  isNew: boolean;
  disabled?: boolean;
  saving: boolean;
  onSubmit: (draft: MeetingDraft, onError: (error: unknown) => void) => void;
  onCancel?: () => void;
}

/** The meeting's header: group, kind, number, dates, place, officers, the plan item it realises. */
export function MeetingForm({ initial, isNew, disabled = false, saving, onSubmit, onCancel }: Props) {
  const { draft, set, errors } = useDraft(initial);
  const groups = useCall('workingGroups.list', {});
  const year = draft.dateStart ? Number(draft.dateStart.slice(0, 4)) : null;
  const candidates = useCall('meetings.planCandidates', { year: year ?? 2000 }, { enabled: year !== null });
  const next = useCall(
    'meetings.nextNumber',
    { groupId: draft.groupId ?? 1, year: year ?? 2000 },
    { enabled: isNew && draft.groupId !== null && year !== null },
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft, errors.fromError);
  };
  const planOptions = (candidates.data ?? [])
    .filter((c) => !c.used || c.id === draft.planItemId)
    .map((c) => ({ value: c.id, label: `${c.title} (${c.form}, ${c.termLabel})` }));

  return (
    <form onSubmit={submit} noValidate>
      {/* A native fieldset disables every input inside, pickers included, for a signed meeting. */}
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select<number>
              label="Рабочая группа"
              required
              data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={draft.groupId}
              onChange={(v) => set('groupId', v)}
              error={errors.of('groupId')}
              disabled={disabled}
              nothingFoundMessage="Сначала добавьте рабочую группу"
            />
            <Select<MeetingKind>
              label="Вид"
              required
              allowDeselect={false}
              data={kindOptions}
              value={draft.kind}
              onChange={(v) => v && set('kind', v)}
              disabled={disabled}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <DateInput
              label="Дата"
              required
              placeholder="ДД.ММ.ГГГГ"
              valueFormat="DD.MM.YYYY"
              dateParser={parseRuDate}
              value={draft.dateStart}
              onChange={(v) => set('dateStart', v)}
              error={errors.of('dateStart')}
              disabled={disabled}
            />
            <DateInput
              label="Дата окончания"
              placeholder="если несколько дней"
              valueFormat="DD.MM.YYYY"
              dateParser={parseRuDate}
              clearable
              value={draft.dateEnd}
              onChange={(v) => set('dateEnd', v)}
              error={errors.of('dateEnd')}
              disabled={disabled}
            />
            <TextInput
              label="Время"
              placeholder="10:00"
              value={draft.time}
              onChange={(e) => set('time', e.currentTarget.value)}
              error={errors.of('time')}
              disabled={disabled}
            />
            <NumberInput
              label="Номер"
              placeholder={next.data ? `${next.data} (автоматически)` : 'автоматически'}
              min={1}
              allowDecimal={false}
              value={draft.number ?? ''}
              onChange={(v) => set('number', v === '' ? null : Number(v))}
              error={errors.of('number')}
              disabled={disabled}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Населённый пункт"
              placeholder="г. Уварово"
              value={draft.town}
              onChange={(e) => set('town', e.currentTarget.value)}
              error={errors.of('town')}
              disabled={disabled}
            />
            <TextInput
              label="Адрес"
              value={draft.address}
              onChange={(e) => set('address', e.currentTarget.value)}
              error={errors.of('address')}
              disabled={disabled}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PersonPicker
              label="Председатель"
              placeholder={isNew ? 'Председатель группы' : undefined}
              value={draft.chairId}
              onChange={(v) => set('chairId', v)}
              error={errors.of('chairId')}
            />
            <PersonPicker
              label="Секретарь"
              placeholder={isNew ? 'Секретарь группы' : undefined}
              value={draft.secretaryId}
              onChange={(v) => set('secretaryId', v)}
              error={errors.of('secretaryId')}
            />
          </SimpleGrid>
          <Select<number>
            label="Мероприятие плана работы, которое реализует заседание"
            description={
              year ? `план на ${year} год; когда заседание проведено, план показывает мероприятие выполненным` : 'сначала укажите дату'
            }
            placeholder={planOptions.length ? 'Выберите мероприятие' : 'В плане этого года нет свободных мероприятий'}
            data={planOptions}
            value={draft.planItemId}
            onChange={(v) => set('planItemId', v)}
            clearable
            searchable
            filter={wordFilter}
            error={errors.of('planItemId')}
            disabled={disabled || year === null}
          />
          {disabled ? null : (
            <Group justify="flex-end">
              {onCancel ? (
                <Button variant="default" onClick={onCancel}>
                  Отмена
                </Button>
              ) : null}
              <Button type="submit" loading={saving}>
                {isNew ? 'Создать заседание' : 'Сохранить сведения'}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
