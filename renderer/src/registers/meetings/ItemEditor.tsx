import {
  ActionIcon,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { AgendaItemFormInput, AgendaItemView } from '@shared/contract/meetings';
import { useChange } from '@renderer/api/client';
import { useFieldErrors } from '@renderer/components/screen';
import { OrganizationsMultiPicker, PeopleMultiPicker, PersonPicker } from '@renderer/components/pickers';
import { parseRuDate } from '@shared/russian';

interface SpeakerDraft {
  personId: number | null;
  name: string;
  text: string;
}

interface DecisionDraft {
  id: number | null;
  text: string;
  votesFor: number | null;
  votesAgainst: number | null;
  votesAbstained: number | null;
  isAssignment: boolean;
  personIds: number[];
  organizationIds: number[];
  dueDate: string | null;
  permanent: boolean;
}

interface Draft {
  title: string;
  plannedMinutes: number | null;
  speakers: SpeakerDraft[];
  heardText: string;
  reportAttached: boolean;
  discussion: SpeakerDraft[];
  decisions: DecisionDraft[];
}

const blankDecision = (): DecisionDraft => ({
  id: null,
  text: '',
  votesFor: null,
  votesAgainst: null,
  votesAbstained: null,
  isAssignment: false,
  personIds: [],
  organizationIds: [],
  dueDate: null,
  permanent: false,
});

function draftOf(item: AgendaItemView | null): Draft {
  if (!item)
    return {
      title: '',
      plannedMinutes: null,
      speakers: [{ personId: null, name: '', text: '' }],
      heardText: '',
      reportAttached: false,
      discussion: [],
      decisions: [],
    };
  return {
    title: item.title,
    plannedMinutes: item.plannedMinutes,
    speakers: item.speakers.map((s) => ({ personId: s.personId, name: s.name, text: '' })),
    heardText: item.heardText,
    reportAttached: item.reportAttached,
    discussion: item.discussion.map((s) => ({ personId: s.personId, name: s.name, text: s.text })),
    decisions: item.decisions.map((d) => ({
      id: d.id,
      text: d.text,
      votesFor: d.votesFor,
      votesAgainst: d.votesAgainst,
      votesAbstained: d.votesAbstained,
      isAssignment: d.assignment !== null,
      personIds: d.assignment?.people.map((p) => p.id) ?? [],
      organizationIds: d.assignment?.organizations.map((o) => o.id) ?? [],
      dueDate: d.assignment?.dueDate ?? null,
      permanent: d.assignment?.permanent ?? false,
    })),
  };
}

/** The call's input; an empty speaker row (nothing chosen, nothing typed) is simply left out. */
function inputOf(d: Draft): AgendaItemFormInput {
  const filled = (s: SpeakerDraft) => s.personId !== null || s.name.trim() !== '' || s.text.trim() !== '';
  return {
    title: d.title,
    plannedMinutes: d.plannedMinutes,
    speakers: d.speakers.filter(filled).map((s) => ({ personId: s.personId, name: s.name })),
    heardText: d.heardText,
    reportAttached: d.reportAttached,
    discussion: d.discussion.filter(filled).map((s) => ({ personId: s.personId, name: s.name, text: s.text })),
    decisions: d.decisions.map((x) => ({
      id: x.id,
      text: x.text,
      votesFor: x.votesFor,
      votesAgainst: x.votesAgainst,
      votesAbstained: x.votesAbstained,
      assignment: x.isAssignment
        ? { personIds: x.personIds, organizationIds: x.organizationIds, dueDate: x.permanent ? null : x.dueDate, permanent: x.permanent }
        : null,
    })),
  };
}

const numberOrNull = (v: number | string) => (v === '' ? null : Number(v));

/**
 * One agenda item and what the minutes record about it: СЛУШАЛИ (speakers and summary),
 * ВЫСТУПИЛИ, РЕШИЛИ with decisions that may be assignments under control.
 */
export function ItemEditor({
  meetingId,
  item,
  position,
  onClose,
}: {
  meetingId: number;
  item: AgendaItemView | null;
  position: number;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(item));
  const errors = useFieldErrors();
  const create = useChange('agenda.create', { success: 'Вопрос добавлен в повестку' });
  const update = useChange('agenda.update', { success: 'Вопрос сохранён' });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    errors.clear(key);
  };
  const setIn = <K extends 'speakers' | 'discussion' | 'decisions'>(key: K, index: number, patch: Partial<Draft[K][number]>) => {
    setDraft((d) => ({ ...d, [key]: d[key].map((x, i) => (i === index ? { ...x, ...patch } : x)) }));
    errors.clear();
  };
  const removeAt = (key: 'speakers' | 'discussion' | 'decisions', index: number) =>
    setDraft((d) => ({ ...d, [key]: d[key].filter((_, i) => i !== index) }));
  const save = () => {
    const callbacks = { onSuccess: onClose, onError: errors.fromError };
    if (item) update.mutate({ id: item.id, data: inputOf(draft) }, callbacks);
    else create.mutate({ meetingId, data: inputOf(draft) }, callbacks);
  };

  const speakerRow = (key: 'speakers' | 'discussion', s: SpeakerDraft, i: number, withText: boolean) => (
    <Paper withBorder p="xs" key={i}>
      <Stack gap="xs">
        <Group align="flex-end" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <PersonPicker
              label={key === 'speakers' ? 'Докладчик из реестра' : 'Выступил(а)'}
              value={s.personId}
              onChange={(v) => setIn(key, i, { personId: v })}
            />
          </div>
          <TextInput
            style={{ flex: 1 }}
            label="или впишите (Фамилия И.О., должность)"
            value={s.name}
            disabled={s.personId !== null}
            onChange={(e) => setIn(key, i, { name: e.currentTarget.value })}
            error={errors.of(`${key}.${i}.name`)}
          />
          <ActionIcon variant="subtle" color="gray" mb={4} onClick={() => removeAt(key, i)} aria-label="Убрать">
            <IconX size={16} />
          </ActionIcon>
        </Group>
        {withText ? (
          <Textarea
            label="Содержание выступления"
            autosize
            minRows={2}
            value={s.text}
            onChange={(e) => setIn(key, i, { text: e.currentTarget.value })}
          />
        ) : null}
      </Stack>
    </Paper>
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={item ? `Вопрос ${position}` : `Новый вопрос повестки (${position})`}
      size="xl"
      closeOnClickOutside={false}
    >
      <Stack>
        <Group align="flex-start" grow>
          <Textarea
            label="Вопрос повестки"
            description={
              draft.title.trim() === '' || /^(О|Об|Обо)\s/.test(draft.title.trim()) ? (
                'Начинается с «О…» или «Об…»'
              ) : (
                <Text span size="xs" c="orange">
                  Вопрос повестки принято начинать с «О…» или «Об…»: «Об итогах…», «О ходе…»
                </Text>
              )
            }
            placeholder="Об итогах работы сегмента за первое полугодие"
            required
            autosize
            minRows={1}
            style={{ flex: 4 }}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.of('title')}
            data-autofocus
          />
          <NumberInput
            label="Время, мин"
            style={{ flex: 1, maxWidth: 130 }}
            min={1}
            max={600}
            allowDecimal={false}
            value={draft.plannedMinutes ?? ''}
            onChange={(v) => set('plannedMinutes', numberOrNull(v))}
            error={errors.of('plannedMinutes')}
          />
        </Group>

        <Divider label="СЛУШАЛИ" labelPosition="left" />
        {draft.speakers.map((s, i) => speakerRow('speakers', s, i, false))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => set('speakers', [...draft.speakers, { personId: null, name: '', text: '' }])}
          >
            Добавить докладчика
          </Button>
        </Group>
        <Checkbox
          label="Текст доклада прилагается (вместо краткого содержания)"
          checked={draft.reportAttached}
          onChange={(e) => set('reportAttached', e.currentTarget.checked)}
        />
        {draft.reportAttached ? null : (
          <Textarea
            label="Краткое содержание доклада"
            autosize
            minRows={3}
            value={draft.heardText}
            onChange={(e) => set('heardText', e.currentTarget.value)}
            error={errors.of('heardText')}
          />
        )}

        <Divider label="ВЫСТУПИЛИ" labelPosition="left" />
        {draft.discussion.map((s, i) => speakerRow('discussion', s, i, true))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => set('discussion', [...draft.discussion, { personId: null, name: '', text: '' }])}
          >
            Добавить выступление
          </Button>
        </Group>

        <Divider label="РЕШИЛИ" labelPosition="left" />
        {draft.decisions.map((d, i) => (
          <Paper withBorder p="sm" key={i}>
            <Stack gap="xs">
              <Group justify="space-between">
                <Title order={6}>
                  Решение {position}.{i + 1}
                </Title>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  onClick={() => removeAt('decisions', i)}
                  aria-label={`Убрать решение ${position}.${i + 1}`}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Group>
              <Textarea
                aria-label={`Текст решения ${position}.${i + 1}`}
                placeholder="Информацию принять к сведению"
                autosize
                minRows={2}
                value={d.text}
                onChange={(e) => setIn('decisions', i, { text: e.currentTarget.value })}
                error={errors.of(`decisions.${i}.text`)}
              />
              <SimpleGrid cols={3}>
                <NumberInput
                  size="xs"
                  label="Голосовали «за»"
                  min={0}
                  allowDecimal={false}
                  value={d.votesFor ?? ''}
                  onChange={(v) => setIn('decisions', i, { votesFor: numberOrNull(v) })}
                />
                <NumberInput
                  size="xs"
                  label="«против»"
                  min={0}
                  allowDecimal={false}
                  value={d.votesAgainst ?? ''}
                  onChange={(v) => setIn('decisions', i, { votesAgainst: numberOrNull(v) })}
                />
                <NumberInput
                  size="xs"
                  label="«воздержались»"
                  min={0}
                  allowDecimal={false}
                  value={d.votesAbstained ?? ''}
                  onChange={(v) => setIn('decisions', i, { votesAbstained: numberOrNull(v) })}
                />
              </SimpleGrid>
              <Checkbox
                label="Поручение на контроле (ответственные и срок)"
                checked={d.isAssignment}
                onChange={(e) => setIn('decisions', i, { isAssignment: e.currentTarget.checked })}
              />
              {d.isAssignment ? (
                <Stack gap="xs" pl="md">
                  <OrganizationsMultiPicker
                    label="Ответственные организации"
                    value={d.organizationIds}
                    onChange={(v) => setIn('decisions', i, { organizationIds: v })}
                    error={errors.of(`decisions.${i}.assignment.organizationIds`)}
                  />
                  <PeopleMultiPicker
                    label="Ответственные специалисты"
                    value={d.personIds}
                    onChange={(v) => setIn('decisions', i, { personIds: v })}
                    error={errors.of(`decisions.${i}.assignment.personIds`)}
                  />
                  <Group align="flex-end">
                    <DateInput
                      label="Срок исполнения"
                      placeholder="ДД.ММ.ГГГГ"
                      valueFormat="DD.MM.YYYY"
                      dateParser={parseRuDate}
                      w={200}
                      value={d.permanent ? null : d.dueDate}
                      disabled={d.permanent}
                      onChange={(v) => setIn('decisions', i, { dueDate: v })}
                      error={errors.of(`decisions.${i}.assignment.dueDate`)}
                    />
                    <Checkbox
                      label="Постоянно"
                      mb={8}
                      checked={d.permanent}
                      onChange={(e) => setIn('decisions', i, { permanent: e.currentTarget.checked })}
                    />
                  </Group>
                  {d.id !== null && item?.decisions.find((x) => x.id === d.id)?.assignment?.status === 'done' ? (
                    <Text size="xs" c="green">
                      Поручение отмечено исполненным; отметка сохранится.
                    </Text>
                  ) : null}
                </Stack>
              ) : null}
            </Stack>
          </Paper>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => set('decisions', [...draft.decisions, blankDecision()])}
          >
            Добавить решение
          </Button>
        </Group>

        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            Отмена
          </Button>
          <Button onClick={save} loading={create.isPending || update.isPending}>
            Сохранить вопрос
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
