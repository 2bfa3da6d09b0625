import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarPlus, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { QUORUM_RULE_LABELS, QUORUM_RULES, type CaseFile, type QuorumRule, type WorkingGroup } from '@shared/contract/meetings';
import { bodyNameGenitive, countOf } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { editDeleteActions, EmptyState, ScreenHeader } from '@renderer/components/screen';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { FormDialog, FormFrame, SaveButton, TextField, useContractForm, useLeaveGuard, type ContractForm } from '@renderer/components/form';
import { PeopleMultiPicker, PersonPicker } from '@renderer/components/pickers';
import { CreateMeetingDialog } from './MeetingForm';

export function GroupsScreen() {
  const groups = useCall('workingGroups.list', {});
  const remove = useChange('workingGroups.delete', { success: 'Рабочая группа удалена' });
  const [editing, setEditing] = useState<WorkingGroup | 'new' | null>(null);
  const [meetingOf, setMeetingOf] = useState<number | null>(null);
  return (
    <>
      <ScreenHeader
        title="Рабочие группы"
        description="Межрайонные рабочие группы, координационные советы и другие коллегиальные органы: состав, председатель, секретарь"
        action={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            Новая группа
          </Button>
        }
      />
      <DataTable
        label="Рабочие группы"
        columns={GROUP_COLUMNS}
        rows={groups.data}
        loading={groups.isFetching}
        spacing="sm"
        actions={editDeleteActions<WorkingGroup>({
          name: (g) => g.name,
          question: (g) => `Удалить рабочую группу «${g.name}»?`,
          onEdit: setEditing,
          onDelete: (g) => remove.mutate({ id: g.id }),
          more: (g) => [{ label: 'Новое заседание', icon: <IconCalendarPlus size={14} />, onClick: () => setMeetingOf(g.id) }],
        })}
        empty={<EmptyState text="Рабочих групп пока нет. Добавьте группу, чтобы вести её заседания и протоколы." />}
      />
      <ThresholdSetting />
      {editing ? <GroupForm editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {meetingOf !== null ? <CreateMeetingDialog groupId={meetingOf} onClose={() => setMeetingOf(null)} /> : null}
    </>
  );
}

const GROUP_COLUMNS: Column<WorkingGroup>[] = [
  {
    header: 'Название',
    render: (g) => (
      <>
        <Text fw={500}>{g.name}</Text>
        <Text size="xs" c="dimmed">
          Протокол заседания {g.nameGenitive}
        </Text>
      </>
    ),
  },
  { header: 'Председатель', nowrap: true, render: (g) => g.chair?.short ?? '—' },
  { header: 'Секретарь', nowrap: true, render: (g) => g.secretary?.short ?? '—' },
  { header: 'Состав', nowrap: true, render: (g) => countOf(g.members.length, ['человек', 'человека', 'человек']) },
  { header: 'Заседаний', render: (g) => g.meetingCount },
  { header: 'Поручений на контроле (по подписанным протоколам)', render: (g) => g.openAssignmentCount },
];

interface GroupValues {
  name: string;
  nameGenitive: string;
  chairId: number | null;
  deputyChairId: number | null;
  secretaryId: number | null;
  memberIds: number[];
  quorum: QuorumRule;
  caseFiles: CaseFile[];
}

function GroupForm({ editing, onClose }: { editing: WorkingGroup | null; onClose: () => void }) {
  // The genitive follows the name while she has not typed her own (a stored one that the rule gives follows too).
  const [genitiveFollows, setGenitiveFollows] = useState(!editing || bodyNameGenitive(editing.name) === editing.nameGenitive);
  const cf = useContractForm({
    call: editing ? 'workingGroups.update' : 'workingGroups.create',
    initialValues: {
      name: editing?.name ?? '',
      nameGenitive: editing?.nameGenitive ?? '',
      chairId: editing?.chair?.id ?? null,
      deputyChairId: editing?.deputyChair?.id ?? null,
      secretaryId: editing?.secretary?.id ?? null,
      memberIds: editing?.members.map((m) => m.id) ?? [],
      quorum: editing?.quorum ?? 'half',
      caseFiles: editing?.caseFiles ?? [],
    } satisfies GroupValues,
    toInput: (data: GroupValues) => (editing ? { id: editing.id, data } : data),
    success: editing ? 'Изменения сохранены' : 'Рабочая группа добавлена',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title={editing ? 'Рабочая группа' : 'Новая рабочая группа'} size="lg" onClose={onClose}>
      <TextField
        cf={cf}
        path="name"
        label="Название"
        placeholder="Межрайонная рабочая группа сегмента №6"
        required
        long
        onChange={(e) => {
          const name = e.currentTarget.value;
          cf.form.setFieldValue('name', name);
          if (genitiveFollows) cf.form.setFieldValue('nameGenitive', bodyNameGenitive(name) ?? '');
        }}
      />
      <TextField
        cf={cf}
        path="nameGenitive"
        label="Название в родительном падеже (для заголовка протокола)"
        description={
          genitiveFollows && cf.form.getValues().nameGenitive
            ? 'Составлено по названию — проверьте. Заголовок протокола: «заседания …»'
            : 'Заголовок протокола: «заседания …»'
        }
        placeholder="межрайонной рабочей группы сегмента №6"
        required
        long
        onChange={(e) => {
          cf.form.setFieldValue('nameGenitive', e.currentTarget.value);
          setGenitiveFollows(false);
        }}
      />
      <PersonPicker label="Председатель" {...cf.field('chairId')} />
      <PersonPicker label="Заместитель председателя" {...cf.field('deputyChairId')} />
      <PersonPicker label="Секретарь" {...cf.field('secretaryId')} />
      <PeopleMultiPicker label="Члены группы" {...cf.field('memberIds')} />
      <Text size="xs" c="dimmed">
        Председатель, заместитель и секретарь входят в состав группы автоматически.
      </Text>
      <Select
        label="Кворум"
        description="Протокол заседания указывает, сколько членов присутствует и есть ли кворум"
        data={QUORUM_RULES.map((q) => ({ value: q, label: QUORUM_RULE_LABELS[q] }))}
        allowDeselect={false}
        {...cf.field('quorum')}
      />
      <CaseFiles cf={cf} />
    </FormDialog>
  );
}

/**
 * The номенклатура дел: in which case file the group's minutes of each year are kept. An extract
 * sent to another organisation names it («Подлинник документа находится … в деле № 01-07 за 2017 год»).
 */
function CaseFiles({ cf }: { cf: ContractForm<GroupValues> }) {
  const value = cf.form.getValues().caseFiles;
  const error = cf.form.errors.caseFiles;
  const nextYear = value.length ? Math.max(...value.map((f) => f.year)) + 1 : new Date().getFullYear();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Номенклатура дел: дело с протоколами
      </Text>
      <Text size="xs" c="dimmed">
        Выписка для другой организации указывает, в каком деле хранится подлинник протокола.
      </Text>
      {value.map((f, i) => (
        <Group key={i} gap="xs" align="flex-end">
          <NumberInput label="Год" w={110} min={2000} max={2100} {...cf.field(`caseFiles.${i}.year`)} />
          <TextInput label={`Индекс дела за ${f.year} год`} w={220} {...cf.field(`caseFiles.${i}.index`)} />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Убрать дело за ${f.year} год`}
            onClick={() => cf.form.removeListItem('caseFiles', i)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() => cf.form.insertListItem('caseFiles', { year: nextYear, index: '' })}
      >
        Добавить год
      </Button>
      {error ? (
        <Text size="xs" c="red" data-path="caseFiles">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Above this many attendees the minutes say «N человек (список прилагается)». */
function ThresholdSetting() {
  const settings = useCall('meetings.getSettings', {});
  if (!settings.data) return null;
  return <ThresholdForm key={settings.data.attendeeThreshold} threshold={settings.data.attendeeThreshold} />;
}

function ThresholdForm({ threshold }: { threshold: number }) {
  const cf = useContractForm({
    call: 'meetings.saveSettings',
    initialValues: { attendeeThreshold: threshold as number | string },
    toInput: (v) => ({ attendeeThreshold: v.attendeeThreshold === '' ? (undefined as never) : Number(v.attendeeThreshold) }),
    success: 'Настройка сохранена',
  });
  useLeaveGuard(cf.dirty);
  return (
    <Paper withBorder p="md" mt="lg" maw={640}>
      <FormFrame cf={cf}>
        <Stack gap="xs">
          <Text fw={500}>Список присутствовавших в протоколе</Text>
          <Text size="sm" c="dimmed">
            Если присутствовало больше указанного числа человек, в протоколе пишется «N человек (список прилагается)», а список выводится
            приложением.
          </Text>
          <Group align="flex-end">
            <NumberInput label="Не больше, человек" w={200} min={1} max={1000} allowDecimal={false} {...cf.field('attendeeThreshold')} />
            <SaveButton cf={cf} disabled={!cf.dirty} />
          </Group>
        </Stack>
      </FormFrame>
    </Paper>
  );
}
