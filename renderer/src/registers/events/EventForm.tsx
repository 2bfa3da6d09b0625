import { NumberInput, Select, SimpleGrid, Stack } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import type { CallInput } from '@shared/contract';
import type { EventDetail } from '@shared/contract/events';
import {
  CENTER_ROLE_LABELS,
  CENTER_ROLES,
  COMPLETION_RULE_LABELS,
  COMPLETION_RULES,
  EVENT_AUDIENCE_LABELS,
  EVENT_AUDIENCES,
  EVENT_FORMAT_LABELS,
  EVENT_FORMATS,
  EVENT_LEVEL_LABELS,
  EVENT_LEVELS,
  type CenterRole,
  type CompletionRule,
  type EventAudience,
  type EventFormat,
  type EventLevel,
} from '@shared/contract/eventEnums';
import { readTypedDate, typedDateInput } from '@shared/russian';
import { useCall } from '@renderer/api/client';
import {
  DateField,
  FormDialog,
  FormFrame,
  LongTextField,
  SaveButton,
  TextField,
  useContractForm,
  useLeaveGuard,
  type ContractForm,
} from '@renderer/components/form';
import { ListValuePicker } from '@renderer/components/ListValuePicker';
import { OrganizationPicker, wordFilter } from '@renderer/components/pickers';

interface EventValues {
  typeId: number | null;
  centerRole: CenterRole;
  title: string;
  level: EventLevel;
  format: EventFormat;
  audience: EventAudience;
  municipalityId: number | null;
  venue: string;
  organizerId: number | null;
  organizerName: string;
  programmeId: number | null;
  completionRule: CompletionRule;
  completionPercent: number | '';
  hours: number | '';
  notes: string;
  planItemId: number | null;
  /** As typed: ДД.ММ.ГГГГ (a new event only; later the days are the sessions'). */
  firstDay: string;
  lastDay: string;
  timeStart: string;
  timeEnd: string;
}

const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

const blank = (): EventValues => ({
  typeId: null,
  centerRole: 'organizer',
  title: '',
  level: 'municipal',
  format: 'inPerson',
  audience: 'specialists',
  municipalityId: null,
  venue: '',
  organizerId: null,
  organizerName: '',
  programmeId: null,
  completionRule: 'share',
  completionPercent: 100,
  hours: '',
  notes: '',
  planItemId: null,
  firstDay: '',
  lastDay: '',
  timeStart: '',
  timeEnd: '',
});

const valuesOf = (e: EventDetail): EventValues => ({
  ...blank(),
  ...e,
  hours: e.hours ?? '',
  planItemId: e.planItem?.id ?? null,
  firstDay: '',
  lastDay: '',
});

/** The fields both calls take; empty required fields go as missing, so the contract says what is wrong under the field. */
const dataOf = (v: EventValues) => ({
  typeId: v.typeId ?? undefined,
  centerRole: v.centerRole,
  title: v.title,
  level: v.level,
  format: v.format,
  audience: v.audience,
  municipalityId: v.municipalityId,
  venue: v.venue,
  organizerId: v.organizerId,
  organizerName: v.organizerName,
  programmeId: v.programmeId,
  completionRule: v.completionRule,
  completionPercent: v.completionPercent === '' ? undefined : Number(v.completionPercent),
  hours: v.hours === '' ? null : Number(v.hours),
  notes: v.notes,
  planItemId: v.planItemId,
});

export function CreateEventDialog({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const cf = useContractForm({
    call: 'events.create',
    initialValues: blank(),
    toInput: (v) =>
      ({
        ...dataOf(v),
        firstDay: typedDateInput(v.firstDay) ?? undefined,
        // One day unless she gives the last one.
        lastDay: typedDateInput(v.lastDay || v.firstDay) ?? undefined,
        timeStart: v.timeStart,
        timeEnd: v.timeEnd,
      }) as CallInput<'events.create'>,
    success: 'Мероприятие создано',
    onSaved: (e) => navigate(`/events/list/${e.id}`),
  });
  return (
    <FormDialog cf={cf} title="Новое мероприятие" size="xl" onClose={onClose} submitLabel="Создать мероприятие">
      <EventFields cf={cf} isNew />
    </FormDialog>
  );
}

/** The card's «Сведения» tab: the same fields, saved in place. */
export function EventDetailsForm({ e }: { e: EventDetail }) {
  const cf = useContractForm({
    call: 'events.update',
    initialValues: valuesOf(e),
    toInput: (v) => ({ id: e.id, data: dataOf(v) }) as CallInput<'events.update'>,
    success: 'Сведения сохранены',
  });
  useLeaveGuard(cf.dirty);
  return (
    <FormFrame cf={cf} actions={<SaveButton cf={cf} label="Сохранить сведения" />}>
      <EventFields cf={cf} isNew={false} year={Number(e.firstDay.slice(0, 4))} />
    </FormFrame>
  );
}

function EventFields({
  cf,
  isNew,
  year: knownYear,
}: {
  cf: ContractForm<EventValues, 'events.create' | 'events.update'>;
  isNew: boolean;
  year?: number;
}) {
  const values = cf.form.getValues();
  const start = readTypedDate(values.firstDay);
  const year = knownYear ?? (start.kind === 'date' ? Number(start.iso.slice(0, 4)) : null);
  const municipalities = useCall('municipalities.list', {});
  const candidates = useCall('events.planCandidates', { year: year ?? 2000 }, { enabled: year !== null });
  const planOptions = (candidates.data ?? [])
    .filter((c) => !c.used || c.id === values.planItemId)
    .map((c) => ({ value: c.id, label: `${c.title} (${c.form}, ${c.termLabel})` }));
  const planField = cf.field('planItemId');
  const choosePlanItem = (id: number | null) => {
    planField.onChange(id);
    // From the plan: the item's title is the event's, unless she has typed one.
    const item = candidates.data?.find((c) => c.id === id);
    if (item && !String(cf.valueOf('title')).trim()) cf.setValue('title', item.title);
  };
  return (
    <Stack>
      {isNew ? (
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <DateField cf={cf} path="firstDay" label="Первый день" required />
          <DateField cf={cf} path="lastDay" label="Последний день" placeholder="если несколько дней" />
          <TextField cf={cf} path="timeStart" label="Начало" placeholder="10:00" />
          <TextField cf={cf} path="timeEnd" label="Окончание" placeholder="15:00" />
        </SimpleGrid>
      ) : null}
      <Select<number>
        label="Мероприятие плана работы, которое оно выполняет"
        description={year ? `план на ${year} год; когда мероприятие проведено, пункт плана выполнен` : 'сначала укажите первый день'}
        placeholder={planOptions.length ? 'Выберите пункт плана' : 'В плане этого года нет свободных пунктов'}
        data={planOptions}
        clearable
        searchable
        selectFirstOptionOnChange
        filter={wordFilter}
        disabled={year === null}
        {...planField}
        onChange={choosePlanItem}
      />
      <TextField cf={cf} path="title" label="Название" required />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <ListValuePicker list="eventTypes" label="Вид" required {...cf.field('typeId')} />
        <Select<CenterRole>
          label="Роль центра"
          required
          allowDeselect={false}
          data={options(CENTER_ROLES, CENTER_ROLE_LABELS)}
          {...cf.field('centerRole')}
        />
        <Select<EventLevel>
          label="Уровень"
          required
          allowDeselect={false}
          data={options(EVENT_LEVELS, EVENT_LEVEL_LABELS)}
          {...cf.field('level')}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select<EventFormat>
          label="Формат"
          allowDeselect={false}
          data={options(EVENT_FORMATS, EVENT_FORMAT_LABELS)}
          {...cf.field('format')}
        />
        <Select<EventAudience>
          label="Для кого"
          description={values.audience === 'population' ? 'считают пришедших по категориям, без имён' : undefined}
          allowDeselect={false}
          data={options(EVENT_AUDIENCES, EVENT_AUDIENCE_LABELS)}
          {...cf.field('audience')}
        />
        <ListValuePicker list="eventProgrammes" label="Программа или проект" {...cf.field('programmeId')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select<number>
          label="Муниципальное образование"
          clearable
          searchable
          data={(municipalities.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
          {...cf.field('municipalityId')}
        />
        <TextField cf={cf} path="venue" label="Место проведения" placeholder="адрес, зал" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrganizationPicker label="Организатор из реестра" {...cf.field('organizerId')} />
        <TextField cf={cf} path="organizerName" label="Организатор (если его нет в реестре)" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select<CompletionRule>
          label="Завершил обучение, если посетил"
          allowDeselect={false}
          data={options(COMPLETION_RULES, COMPLETION_RULE_LABELS)}
          description={
            values.completionRule === 'requiredSessions' ? 'если ни одно занятие не отмечено обязательным — все занятия' : undefined
          }
          {...cf.field('completionRule')}
        />
        <NumberInput
          label="Процент занятий"
          min={1}
          max={100}
          allowDecimal={false}
          disabled={values.completionRule !== 'share'}
          {...cf.field('completionPercent')}
        />
        <NumberInput label="Объём, академических часов" min={1} max={1000} allowDecimal={false} {...cf.field('hours')} />
      </SimpleGrid>
      <LongTextField cf={cf} path="notes" label="Примечание" />
    </Stack>
  );
}
