import { Badge, Checkbox, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { Municipality } from '@shared/contract/registry';
import { useCall, useChange } from '@renderer/api/client';
import { actionsColumn } from './common';
import { AddButton, EmptyState, FormModal, ScreenHeader, useFieldErrors } from '@renderer/components/screen';
import { DataTable, type Column } from '@renderer/components/DataTable';

export function MunicipalitiesScreen() {
  const data = useCall('municipalities.list', {});
  const remove = useChange('municipalities.delete', { success: 'Муниципальное образование удалено' });
  const [form, setForm] = useState<{ editing: Municipality | null } | null>(null);

  const columns: Column<Municipality, never>[] = [
    { header: 'Муниципальное образование', render: (m) => m.name },
    {
      header: 'Сегмент',
      width: 180,
      render: (m) =>
        m.inSegment ? (
          <Badge variant="light">входит в сегмент</Badge>
        ) : (
          <Badge variant="light" color="gray">
            вне сегмента
          </Badge>
        ),
    },
    { header: 'Организации', width: 130, render: (m) => m.organizationCount || '—' },
    actionsColumn<Municipality>({
      name: (m) => m.name,
      question: (m) => `Удалить муниципальное образование «${m.name}»?`,
      onEdit: (m) => setForm({ editing: m }),
      onDelete: (m) => remove.mutate({ id: m.id }),
    }),
  ];

  const add = <AddButton onClick={() => setForm({ editing: null })} />;

  return (
    <>
      <ScreenHeader
        title="Муниципальные образования"
        description="Город и районы сегмента, а также другие уровни (например, региональный), к которым относятся организации"
        action={add}
      />
      <DataTable
        label="Муниципальные образования"
        columns={columns}
        rows={data.data}
        total={data.data?.length ?? 0}
        loading={data.isFetching}
        countForms={['муниципальное образование', 'муниципальных образования', 'муниципальных образований']}
        empty={<EmptyState text="Муниципальных образований пока нет. Добавьте город и районы своего сегмента." action={add} />}
      />
      {form ? <MunicipalityForm editing={form.editing} onClose={() => setForm(null)} /> : null}
    </>
  );
}

function MunicipalityForm({ editing, onClose }: { editing: Municipality | null; onClose: () => void }) {
  const [name, setName] = useState(editing?.name ?? '');
  const [inSegment, setInSegment] = useState(editing?.inSegment ?? true);
  const errors = useFieldErrors();
  const create = useChange('municipalities.create', { success: 'Муниципальное образование добавлено' });
  const update = useChange('municipalities.update', { success: 'Изменения сохранены' });

  const submit = () => {
    const callbacks = { onSuccess: onClose, onError: errors.fromError };
    if (editing) update.mutate({ id: editing.id, data: { name, inSegment } }, callbacks);
    else create.mutate({ name, inSegment }, callbacks);
  };

  return (
    <FormModal
      title={editing ? 'Изменение муниципального образования' : 'Новое муниципальное образование'}
      onClose={onClose}
      onSubmit={submit}
      saving={create.isPending || update.isPending}
    >
      <TextInput
        label="Наименование"
        placeholder="Например, Уваровский район"
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          // An update's schema errors come as `data.name`: typing must clear that one too.
          errors.clear('name');
          errors.clear('data.name');
        }}
        error={errors.of('name')}
        data-autofocus
      />
      <Checkbox label="Входит в сегмент центра" checked={inSegment} onChange={(e) => setInSegment(e.currentTarget.checked)} />
    </FormModal>
  );
}
