import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowDown, IconArrowUp, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { ListValue } from '@shared/contract/lists';
import type { EditableList as ListKey } from '@shared/enums';
import { countOf } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { DataTable, type Column, type RowActionsSpec } from './DataTable';
import { confirmDelete, EmptyState, ScreenHeader } from './screen';
import { FormDialog, FormFrame, TextField, useContractForm } from './form';

/**
 * One screen for every editable list (the forms of work now; event types, publication kinds and the
 * indicator catalogue next): its values in the center's order, added, renamed, moved, archived and
 * brought back, and deleted while no record uses them (with «Отменить» in the notification). An
 * archived value stays on the records that have it and leaves the pickers.
 */
export function EditableListScreen({ list }: { list: ListKey }) {
  const view = useCall('lists.get', { list });
  const move = useChange('lists.move');
  const archive = useChange('lists.setArchived');
  const remove = useChange('lists.delete', { success: 'Значение удалено из списка' });
  const [renaming, setRenaming] = useState<ListValue | null>(null);
  const values = view.data?.values ?? [];
  const active = values.filter((v) => !v.archived);

  const columns: Column<ListValue, never>[] = [
    { header: '№', width: 60, render: (v) => (v.archived ? '' : active.indexOf(v) + 1) },
    {
      header: 'Значение',
      render: (v) => (
        <Group gap="xs">
          <Text size="sm" c={v.archived ? 'dimmed' : undefined}>
            {v.value}
          </Text>
          {v.archived ? (
            <Badge variant="light" color="gray" title="Остаётся в записях, где указано, но не предлагается для новых">
              в архиве
            </Badge>
          ) : null}
        </Group>
      ),
    },
    {
      header: 'Где указано',
      width: 170,
      render: (v) => (v.usedBy ? `в ${countOf(v.usedBy, ['записи', 'записях', 'записях'])}` : 'нигде'),
    },
  ];
  const actions: RowActionsSpec<ListValue> = {
    label: (v) => `Действия: ${v.value}`,
    actions: (v) => [
      { label: 'Выше', icon: <IconArrowUp size={14} />, disabled: v.position === 1, onClick: () => move.mutate({ id: v.id, to: 'up' }) },
      {
        label: 'Ниже',
        icon: <IconArrowDown size={14} />,
        disabled: v.position === values.length,
        onClick: () => move.mutate({ id: v.id, to: 'down' }),
      },
      { label: 'Переименовать', icon: <IconPencil size={14} />, onClick: () => setRenaming(v) },
      {
        label: v.archived ? 'Вернуть из архива' : 'В архив',
        icon: v.archived ? <IconArrowBackUp size={14} /> : <IconArchive size={14} />,
        onClick: () => archive.mutate({ id: v.id, archived: !v.archived }),
      },
      {
        label: 'Удалить',
        icon: <IconTrash size={14} />,
        color: 'red',
        disabled: v.usedBy > 0,
        hint: v.usedBy > 0 ? 'указано в записях: переведите в архив' : undefined,
        onClick: () => confirmDelete(`Удалить «${v.value}» из списка?`, () => remove.mutate({ id: v.id })),
      },
    ],
  };

  return (
    <>
      <ScreenHeader title={view.data?.title ?? ''} description={view.data?.usedFor} />
      <Stack>
        {view.data ? <AddValue list={list} what={view.data.valueAccusative} /> : null}
        <DataTable
          label={view.data?.title ?? 'Список'}
          columns={columns}
          actions={actions}
          rows={view.data?.values}
          total={values.length}
          loading={view.isFetching}
          countForms={['значение', 'значения', 'значений']}
          empty={<EmptyState text="В списке пока нет значений." />}
        />
      </Stack>
      {renaming ? <RenameValue value={renaming} onClose={() => setRenaming(null)} /> : null}
    </>
  );
}

function AddValue({ list, what }: { list: ListKey; what: string }) {
  const cf = useContractForm({
    call: 'lists.create',
    initialValues: { value: '' },
    toInput: (v) => ({ list, value: v.value }),
    success: 'Значение добавлено в список',
    // Ready for the next value.
    onSaved: () => cf.reinitialize({ value: '' }),
  });
  return (
    <FormFrame cf={cf}>
      <Group align="flex-start">
        <TextField cf={cf} path="value" label={`Добавить ${what}`} w={360} />
        <Button type="submit" mt={25} leftSection={<IconPlus size={16} />} loading={cf.saving}>
          Добавить
        </Button>
      </Group>
    </FormFrame>
  );
}

/** A rename reaches every record that shows the value; the dialog says so before she saves. */
function RenameValue({ value, onClose }: { value: ListValue; onClose: () => void }) {
  const cf = useContractForm({
    call: 'lists.rename',
    initialValues: { value: value.value },
    toInput: (v) => ({ id: value.id, value: v.value }),
    success: 'Значение переименовано',
    onSaved: onClose,
  });
  return (
    <FormDialog cf={cf} title={`Переименовать «${value.value}»`} onClose={onClose}>
      <TextField cf={cf} path="value" label="Значение" />
      <Text size="sm" c="dimmed">
        {value.usedBy
          ? `Новое название появится во всех записях, где указано это значение (${countOf(value.usedBy, ['запись', 'записи', 'записей'])}); утверждённые и подписанные документы сохранят прежнее.`
          : 'Значение пока нигде не указано.'}
      </Text>
    </FormDialog>
  );
}
