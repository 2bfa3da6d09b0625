import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { QUORUM_RULE_LABELS, QUORUM_RULES, type CaseFile, type QuorumRule, type WorkingGroup } from '@shared/contract/meetings';
import { countOf } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { confirmDelete, EmptyState, FormModal, RowActions, ScreenHeader } from '@renderer/components/screen';
import { useCreateOrUpdate, useDraft } from '@renderer/components/form';
import { PeopleMultiPicker, PersonPicker } from '@renderer/components/pickers';
import { ListTable } from './common';

export function GroupsScreen() {
  const groups = useCall('workingGroups.list', {});
  const remove = useChange('workingGroups.delete', { success: 'Рабочая группа удалена' });
  const [editing, setEditing] = useState<WorkingGroup | 'new' | null>(null);
  const list = groups.data ?? [];
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
      <ListTable
        label="Рабочие группы"
        columns={[
          { title: 'Название' },
          { title: 'Председатель' },
          { title: 'Секретарь' },
          { title: 'Состав' },
          { title: 'Заседаний' },
          { title: 'Поручений на контроле (по подписанным протоколам)' },
          { title: '' },
        ]}
        empty={
          groups.isSuccess && list.length === 0 ? (
            <EmptyState text="Рабочих групп пока нет. Добавьте группу, чтобы вести её заседания и протоколы." />
          ) : null
        }
      >
        {list.map((g) => (
          <Table.Tr key={g.id}>
            <Table.Td>
              <Text fw={500}>{g.name}</Text>
              <Text size="xs" c="dimmed">
                Протокол заседания {g.nameGenitive}
              </Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{g.chair?.short ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{g.secretary?.short ?? '—'}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{countOf(g.members.length, ['человек', 'человека', 'человек'])}</Table.Td>
            <Table.Td>{g.meetingCount}</Table.Td>
            <Table.Td>{g.openAssignmentCount}</Table.Td>
            <Table.Td>
              <RowActions
                name={g.name}
                onEdit={() => setEditing(g)}
                onDelete={() => confirmDelete(`Удалить рабочую группу «${g.name}»?`, () => remove.mutate({ id: g.id }))}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      <ThresholdSetting />
      {editing ? <GroupForm editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function GroupForm({ editing, onClose }: { editing: WorkingGroup | null; onClose: () => void }) {
  const { draft, set, errors } = useDraft({
    name: editing?.name ?? '',
    nameGenitive: editing?.nameGenitive ?? '',
    chairId: editing?.chair?.id ?? null,
    deputyChairId: editing?.deputyChair?.id ?? null,
    secretaryId: editing?.secretary?.id ?? null,
    memberIds: editing?.members.map((m) => m.id) ?? [],
    quorum: editing?.quorum ?? ('half' as QuorumRule),
    caseFiles: editing?.caseFiles ?? ([] as CaseFile[]),
  });
  const { save, saving } = useCreateOrUpdate(
    { create: 'workingGroups.create', update: 'workingGroups.update', created: 'Рабочая группа добавлена' },
    { onSaved: onClose, onError: errors.fromError },
  );
  const submit = () => save(editing?.id ?? null, draft);
  return (
    <FormModal title={editing ? 'Рабочая группа' : 'Новая рабочая группа'} size="lg" onClose={onClose} onSubmit={submit} saving={saving}>
      <TextInput
        label="Название"
        placeholder="Межрайонная рабочая группа сегмента №6"
        required
        value={draft.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.of('name')}
      />
      <TextInput
        label="Название в родительном падеже (для заголовка протокола)"
        description="Заголовок протокола: «заседания …»"
        placeholder="межрайонной рабочей группы сегмента №6"
        required
        value={draft.nameGenitive}
        onChange={(e) => set('nameGenitive', e.currentTarget.value)}
        error={errors.of('nameGenitive')}
      />
      <PersonPicker label="Председатель" value={draft.chairId} onChange={(v) => set('chairId', v)} error={errors.of('chairId')} />
      <PersonPicker
        label="Заместитель председателя"
        value={draft.deputyChairId}
        onChange={(v) => set('deputyChairId', v)}
        error={errors.of('deputyChairId')}
      />
      <PersonPicker label="Секретарь" value={draft.secretaryId} onChange={(v) => set('secretaryId', v)} error={errors.of('secretaryId')} />
      <PeopleMultiPicker
        label="Члены группы"
        value={draft.memberIds}
        onChange={(v) => set('memberIds', v)}
        error={errors.of('memberIds')}
      />
      <Text size="xs" c="dimmed">
        Председатель, заместитель и секретарь входят в состав группы автоматически.
      </Text>
      <Select<QuorumRule>
        label="Кворум"
        description="Протокол заседания указывает, сколько членов присутствует и есть ли кворум"
        data={QUORUM_RULES.map((q) => ({ value: q, label: QUORUM_RULE_LABELS[q] }))}
        value={draft.quorum}
        onChange={(v) => v && set('quorum', v)}
        allowDeselect={false}
        error={errors.of('quorum')}
      />
      <CaseFiles value={draft.caseFiles} onChange={(v) => set('caseFiles', v)} errorOf={errors.of} />
    </FormModal>
  );
}

/**
 * The номенклатура дел: in which case file the group's minutes of each year are kept. An extract
 * sent to another organisation names it («Подлинник документа находится … в деле № 01-07 за 2017 год»).
 */
function CaseFiles({
  value,
  onChange,
  errorOf,
}: {
  value: CaseFile[];
  onChange: (v: CaseFile[]) => void;
  errorOf: (field: string) => string | undefined;
}) {
  const error = errorOf('caseFiles');
  const edit = (i: number, patch: Partial<CaseFile>) => onChange(value.map((f, j) => (j === i ? { ...f, ...patch } : f)));
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
          <NumberInput
            label="Год"
            w={110}
            min={2000}
            max={2100}
            value={f.year}
            onChange={(v) => edit(i, { year: Number(v) })}
            error={errorOf(`caseFiles.${i}.year`)}
          />
          <TextInput
            label={`Индекс дела за ${f.year} год`}
            w={220}
            value={f.index}
            onChange={(e) => edit(i, { index: e.currentTarget.value })}
            error={errorOf(`caseFiles.${i}.index`)}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Убрать дело за ${f.year} год`}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
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
        onClick={() => onChange([...value, { year: nextYear, index: '' }])}
      >
        Добавить год
      </Button>
      {error ? (
        <Text size="xs" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Above this many attendees the minutes say «N человек (список прилагается)». */
function ThresholdSetting() {
  const settings = useCall('meetings.getSettings', {});
  const save = useChange('meetings.saveSettings', { success: 'Настройка сохранена' });
  const [value, setValue] = useState<number | string>('');
  const current = settings.data?.attendeeThreshold;
  return (
    <Paper withBorder p="md" mt="lg" maw={640}>
      <Stack gap="xs">
        <Text fw={500}>Список присутствовавших в протоколе</Text>
        <Text size="sm" c="dimmed">
          Если присутствовало больше указанного числа человек, в протоколе пишется «N человек (список прилагается)», а список выводится
          приложением.
        </Text>
        <Group align="flex-end">
          <NumberInput
            label="Не больше, человек"
            w={200}
            min={1}
            max={1000}
            value={value === '' ? (current ?? '') : value}
            onChange={setValue}
          />
          <Button
            variant="light"
            disabled={value === '' || value === current}
            loading={save.isPending}
            onClick={() => save.mutate({ attendeeThreshold: Number(value) }, { onSuccess: () => setValue('') })}
          >
            Сохранить
          </Button>
        </Group>
        {save.isError ? <Alert color="red">{save.error.message}</Alert> : null}
      </Stack>
    </Paper>
  );
}
