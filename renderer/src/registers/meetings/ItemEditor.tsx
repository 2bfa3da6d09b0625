import { ActionIcon, Button, Checkbox, Divider, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import type { AgendaItemFormInput, AgendaItemView, MeetingDetail } from '@shared/contract/meetings';
import type { Option } from '@shared/contract/registry';
import { formatDate, typedDateInput } from '@shared/russian';
import {
  DateField,
  FormDialog,
  keptRows,
  LongTextField,
  remapRow,
  TextField,
  useContractForm,
  withoutDataPrefix,
} from '@renderer/components/form';
import { OrganizationsMultiPicker, PeopleMultiPicker, SpeakerPicker } from '@renderer/components/pickers';

interface SpeakerRow {
  personId: number | null;
  name: string;
}

interface DiscussionRow extends SpeakerRow {
  text: string;
}

interface DecisionRow {
  id: number | null;
  text: string;
  votesFor: number | '';
  votesAgainst: number | '';
  votesAbstained: number | '';
  assignment: { personIds: number[]; organizationIds: number[]; dueDate: string; permanent: boolean };
}

interface Values {
  title: string;
  plannedMinutes: number | '';
  speakers: SpeakerRow[];
  heardText: string;
  reportAttached: boolean;
  discussion: DiscussionRow[];
  decisions: DecisionRow[];
}

const blankSpeaker = (): SpeakerRow => ({ personId: null, name: '' });
const blankDiscussion = (): DiscussionRow => ({ personId: null, name: '', text: '' });
const blankDecision = (): DecisionRow => ({
  id: null,
  text: '',
  votesFor: '',
  votesAgainst: '',
  votesAbstained: '',
  assignment: { personIds: [], organizationIds: [], dueDate: '', permanent: false },
});

/**
 * What the minutes record, with a row ready in each part: a speaker, a speech and a decision
 * wait for her to type; a row left empty is simply not saved.
 */
function valuesOf(item: AgendaItemView | null): Values {
  const speakers = item?.speakers.map((s) => ({ personId: s.personId, name: s.name })) ?? [];
  const discussion = item?.discussion.map((s) => ({ personId: s.personId, name: s.name, text: s.text })) ?? [];
  const decisions =
    item?.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      votesFor: d.votesFor ?? ('' as const),
      votesAgainst: d.votesAgainst ?? ('' as const),
      votesAbstained: d.votesAbstained ?? ('' as const),
      assignment: {
        personIds: d.assignment?.people.map((p) => p.id) ?? [],
        organizationIds: d.assignment?.organizations.map((o) => o.id) ?? [],
        dueDate: formatDate(d.assignment?.dueDate),
        permanent: d.assignment?.permanent ?? false,
      },
    })) ?? [];
  return {
    title: item?.title ?? '',
    plannedMinutes: item?.plannedMinutes ?? '',
    speakers: speakers.length ? speakers : [blankSpeaker()],
    heardText: item?.heardText ?? '',
    reportAttached: item?.reportAttached ?? false,
    discussion: discussion.length ? discussion : [blankDiscussion()],
    decisions: decisions.length ? decisions : [blankDecision()],
  };
}

const speakerFilled = (s: SpeakerRow) => s.personId !== null || s.name.trim() !== '';
const discussionFilled = (s: DiscussionRow) => speakerFilled(s) || s.text.trim() !== '';
/** A decision is an assignment under control once it names someone responsible or a term. */
const assignmentGiven = (d: DecisionRow) =>
  d.assignment.personIds.length > 0 ||
  d.assignment.organizationIds.length > 0 ||
  d.assignment.dueDate.trim() !== '' ||
  d.assignment.permanent;
const decisionFilled = (d: DecisionRow) =>
  d.id !== null || d.text.trim() !== '' || assignmentGiven(d) || d.votesFor !== '' || d.votesAgainst !== '' || d.votesAbstained !== '';
const numberOrNull = (v: number | '') => (v === '' ? null : Number(v));

/** The call's input; the rows she left empty are left out. */
function inputOf(v: Values): AgendaItemFormInput {
  return {
    title: v.title,
    plannedMinutes: numberOrNull(v.plannedMinutes),
    speakers: v.speakers.filter(speakerFilled).map((s) => ({ personId: s.personId, name: s.personId === null ? s.name : '' })),
    heardText: v.heardText,
    reportAttached: v.reportAttached,
    discussion: v.discussion
      .filter(discussionFilled)
      .map((s) => ({ personId: s.personId, name: s.personId === null ? s.name : '', text: s.text })),
    decisions: v.decisions.filter(decisionFilled).map((d) => ({
      id: d.id,
      text: d.text,
      votesFor: numberOrNull(d.votesFor),
      votesAgainst: numberOrNull(d.votesAgainst),
      votesAbstained: numberOrNull(d.votesAbstained),
      assignment: assignmentGiven(d)
        ? {
            personIds: d.assignment.personIds,
            organizationIds: d.assignment.organizationIds,
            dueDate: d.assignment.permanent ? null : typedDateInput(d.assignment.dueDate),
            permanent: d.assignment.permanent,
          }
        : null,
    })),
  };
}

/** An error of the input's n-th row is shown on the form's row it came from (empty rows are not sent). */
function fieldOf(path: string, v: Values): string {
  let field = withoutDataPrefix(path);
  field = remapRow(field, 'speakers', keptRows(v.speakers, speakerFilled));
  field = remapRow(field, 'discussion', keptRows(v.discussion, discussionFilled));
  return remapRow(field, 'decisions', keptRows(v.decisions, decisionFilled));
}

const focusField = (path: string) =>
  window.setTimeout(() => document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus(), 0);

/**
 * One agenda item and what the minutes record about it: СЛУШАЛИ (speakers and summary),
 * ВЫСТУПИЛИ, РЕШИЛИ with decisions that may be assignments under control. Built for typing
 * minutes all afternoon: an item whose question is known opens on its speaker, Tab goes
 * СЛУШАЛИ → ВЫСТУПИЛИ → РЕШИЛИ (the rarely used controls are off the Tab path, reached by
 * the mouse), «Сохранить и следующий» opens the next item, and what is typed is kept on this
 * computer until it is saved.
 */
export function ItemEditor({
  meetingId,
  item,
  position,
  suggestions,
  onClose,
  onNext,
}: {
  meetingId: number;
  item: AgendaItemView | null;
  position: number;
  /** Speakers to offer first: the plan item's responsible people, the group's officers and members. */
  suggestions: Option[];
  onClose: () => void;
  /** After «Сохранить и следующий»: the meeting as saved and the position of the item just saved. */
  onNext: (meeting: MeetingDetail, savedPosition: number) => void;
}) {
  const cf = useContractForm({
    call: item ? 'agenda.update' : 'agenda.create',
    initialValues: valuesOf(item),
    toInput: (v: Values) => (item ? { id: item.id, data: inputOf(v) } : { meetingId, data: inputOf(v) }),
    fieldOf,
    success: item ? 'Вопрос сохранён' : 'Вопрос добавлен в повестку',
    draftRecord: `agenda:${meetingId}:${item?.id ?? 'new'}`,
    // «Сохранить и следующий» then opens the next one (onNext).
    onSaved: () => onClose(),
  });
  const values = cf.form.getValues();
  const title = values.title.trim();

  const speakerField = (list: 'speakers' | 'discussion', i: number, row: SpeakerRow, label: string) => (
    <SpeakerPicker
      label={label}
      suggestions={suggestions}
      value={{ personId: row.personId, name: row.name }}
      onChange={(next) => {
        cf.form.setFieldValue(`${list}.${i}.personId`, next.personId);
        cf.form.setFieldValue(`${list}.${i}.name`, next.name);
      }}
      error={cf.form.errors[`${list}.${i}.name`]}
      data-path={`${list}.${i}.name`}
    />
  );
  const removeRow = (list: 'speakers' | 'discussion' | 'decisions', i: number, label: string) => (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" tabIndex={-1} onClick={() => cf.form.removeListItem(list, i)} aria-label={label}>
        <IconX size={16} />
      </ActionIcon>
    </Tooltip>
  );

  const addDecision = () => {
    cf.form.insertListItem('decisions', blankDecision());
    focusField(`decisions.${values.decisions.length}.text`);
  };

  return (
    <FormDialog
      cf={cf}
      title={item ? `Вопрос ${position}` : `Новый вопрос повестки (${position})`}
      size="xl"
      onClose={onClose}
      submitLabel="Сохранить вопрос"
      autofocus={title === '' ? 'title' : 'speakers.0.name'}
      actions={
        <Button
          variant="light"
          loading={cf.saving}
          onClick={() => void cf.submit((meeting) => onNext(meeting, item?.position ?? meeting.items.length))}
        >
          Сохранить и следующий
        </Button>
      }
    >
      <Group align="flex-start" wrap="nowrap">
        <TextField
          cf={cf}
          path="title"
          label="Вопрос повестки"
          long
          required
          style={{ flex: 1 }}
          placeholder="Об итогах работы сегмента за первое полугодие"
          description={
            title === '' || /^(О|Об|Обо)\s/.test(title) ? (
              'Начинается с «О…» или «Об…»'
            ) : (
              <Text span size="xs" c="orange">
                Вопрос повестки принято начинать с «О…» или «Об…»: «Об итогах…», «О ходе…»
              </Text>
            )
          }
        />
        <NumberInput label="Время, мин" w={120} min={1} max={600} allowDecimal={false} tabIndex={-1} {...cf.field('plannedMinutes')} />
      </Group>

      <Divider label="СЛУШАЛИ" labelPosition="left" />
      {values.speakers.map((s, i) => (
        <Group key={i} align="flex-end" wrap="nowrap">
          <div style={{ flex: 1 }}>{speakerField('speakers', i, s, i === 0 ? 'Докладчик' : `Докладчик ${i + 1}`)}</div>
          {values.speakers.length > 1 ? removeRow('speakers', i, `Убрать докладчика ${i + 1}`) : null}
        </Group>
      ))}
      <Group gap="lg">
        <Button
          variant="subtle"
          size="compact-xs"
          tabIndex={-1}
          leftSection={<IconPlus size={14} />}
          onClick={() => cf.form.insertListItem('speakers', blankSpeaker())}
        >
          Ещё докладчик
        </Button>
        <Checkbox
          size="xs"
          tabIndex={-1}
          label="Текст доклада прилагается (вместо краткого содержания)"
          {...cf.field('reportAttached', { type: 'checkbox' })}
        />
      </Group>
      {values.reportAttached ? null : <LongTextField cf={cf} path="heardText" label="Краткое содержание доклада" minRows={2} />}

      <Divider label="ВЫСТУПИЛИ" labelPosition="left" />
      {values.discussion.map((s, i) => (
        <Paper withBorder p="xs" key={i}>
          <Group align="flex-start" wrap="nowrap">
            <Stack gap="xs" style={{ flex: 1 }}>
              {speakerField('discussion', i, s, 'Выступил(а)')}
              <LongTextField cf={cf} path={`discussion.${i}.text`} label="Содержание выступления" minRows={1} />
            </Stack>
            {removeRow('discussion', i, `Убрать выступление ${i + 1}`)}
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-xs"
          tabIndex={-1}
          leftSection={<IconPlus size={14} />}
          onClick={() => {
            cf.form.insertListItem('discussion', blankDiscussion());
            focusField(`discussion.${values.discussion.length}.name`);
          }}
        >
          Ещё выступление
        </Button>
      </Group>

      <Divider label="РЕШИЛИ" labelPosition="left" />
      {values.decisions.map((d, i) => {
        const number = `${position}.${i + 1}`;
        const stored = d.id !== null ? item?.decisions.find((x) => x.id === d.id)?.assignment : undefined;
        return (
          <Paper withBorder p="sm" key={i}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={6}>Решение {number}</Title>
                {removeRow('decisions', i, `Убрать решение ${number}`)}
              </Group>
              <LongTextField
                cf={cf}
                path={`decisions.${i}.text`}
                aria-label={`Текст решения ${number}`}
                placeholder="Информацию принять к сведению"
                minRows={2}
              />
              <SimpleGrid cols={2}>
                <OrganizationsMultiPicker
                  label="Ответственные организации"
                  placeholder="если это поручение"
                  {...cf.field(`decisions.${i}.assignment.organizationIds`)}
                />
                <PeopleMultiPicker
                  label="Ответственные специалисты"
                  placeholder="если это поручение"
                  {...cf.field(`decisions.${i}.assignment.personIds`)}
                />
              </SimpleGrid>
              <Group align="flex-end">
                <DateField
                  cf={cf}
                  path={`decisions.${i}.assignment.dueDate`}
                  label="Срок исполнения"
                  w={200}
                  disabled={d.assignment.permanent}
                />
                <Checkbox label="Постоянно" mb={8} {...cf.field(`decisions.${i}.assignment.permanent`, { type: 'checkbox' })} />
                <Text size="xs" c="dimmed" mb={10}>
                  {assignmentGiven(d) ? 'Поручение на контроле' : 'С ответственными и сроком решение становится поручением на контроле'}
                </Text>
              </Group>
              <SimpleGrid cols={3}>
                <NumberInput size="xs" label="Голосовали «за»" min={0} allowDecimal={false} {...cf.field(`decisions.${i}.votesFor`)} />
                <NumberInput size="xs" label="«против»" min={0} allowDecimal={false} {...cf.field(`decisions.${i}.votesAgainst`)} />
                <NumberInput size="xs" label="«воздержались»" min={0} allowDecimal={false} {...cf.field(`decisions.${i}.votesAbstained`)} />
              </SimpleGrid>
              {stored?.status === 'done' ? (
                <Text size="xs" c="green">
                  Поручение отмечено исполненным; отметка сохранится.
                </Text>
              ) : null}
            </Stack>
          </Paper>
        );
      })}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={addDecision}>
          Добавить решение
        </Button>
      </Group>
    </FormDialog>
  );
}
