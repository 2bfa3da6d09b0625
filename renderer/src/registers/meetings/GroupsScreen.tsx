import { Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { WorkingGroup } from '@shared/contract/meetings';
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
          { title: 'Поручений на контроле' },
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
    </FormModal>
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
