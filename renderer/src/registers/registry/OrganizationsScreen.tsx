import { Anchor, Group, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Organization } from '@shared/contract/registry';
import { organizationDisplayName as organizationLabel } from '@shared/russian';
import { ORGANIZATION_TYPE_LABELS, type OrganizationType } from '@shared/enums';
import { useCall, useChange } from '@renderer/api/client';
import { Contacts, MunicipalityFilter, TypeFilter } from './common';
import { AddButton, editDeleteActions, EmptyState, ScreenHeader, SearchInput } from '@renderer/components/screen';
import { ImportButton, ImportReports } from '@renderer/components/ImportDialog';
import { DataTable, type Column } from '@renderer/components/DataTable';
import { OrganizationForm } from './OrganizationForm';
import { useListState } from '@renderer/components/useListState';

type Sort = 'name' | 'type' | 'municipality';

export function OrganizationsScreen() {
  const list = useListState<Sort, { type: OrganizationType | null; municipalityId: number | null }>('name', {
    type: null,
    municipalityId: null,
  });
  const data = useCall('organizations.list', { ...list.query, ...list.filters }, { placeholderData: keepPreviousData });
  const remove = useChange('organizations.delete', { success: 'Организация удалена' });
  const [form, setForm] = useState<{ editing: Organization | null } | null>(null);

  const columns: Column<Organization, Sort>[] = [
    {
      header: 'Наименование',
      sort: 'name',
      width: '36%',
      render: (o) => (
        <Stack gap={0}>
          <Text size="sm">{o.fullName}</Text>
          {o.shortName ? (
            <Text size="xs" c="dimmed">
              {o.shortName}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { header: 'Тип', sort: 'type', width: 170, render: (o) => ORGANIZATION_TYPE_LABELS[o.type] },
    { header: 'Муниципальное образование', sort: 'municipality', width: 170, render: (o) => o.municipalityName ?? '—' },
    { header: 'Контакты', render: (o) => <Contacts phone={o.phone} email={o.email} /> },
    {
      header: 'Специалисты',
      width: 100,
      render: (o) =>
        o.peopleCount > 0 ? (
          <Anchor
            component={Link}
            to={`/registry/people?organization=${o.id}`}
            size="sm"
            aria-label={`Специалисты: ${organizationLabel(o)}`}
          >
            {o.peopleCount}
          </Anchor>
        ) : (
          '—'
        ),
    },
  ];
  const actions = editDeleteActions<Organization>({
    name: organizationLabel,
    question: (o) => `Удалить организацию «${organizationLabel(o)}»?`,
    onEdit: (o) => setForm({ editing: o }),
    onDelete: (o) => remove.mutate({ id: o.id }),
  });

  const add = <AddButton onClick={() => setForm({ editing: null })} />;

  return (
    <>
      <ScreenHeader
        title="Организации"
        description="Органы и учреждения системы профилактики, партнёры центра"
        action={
          <Group gap="xs">
            <ImportButton target="organizations" />
            {add}
          </Group>
        }
      />
      <ImportReports target="organizations" />
      <Group mb="md" align="flex-end">
        <SearchInput placeholder="Наименование" value={list.search} onChange={list.setSearch} />
        <TypeFilter label="Тип" value={list.filters.type} onChange={(v) => list.setFilter('type', v)} />
        <MunicipalityFilter value={list.filters.municipalityId} onChange={(v) => list.setFilter('municipalityId', v)} />
      </Group>
      <DataTable
        label="Организации"
        columns={columns}
        actions={actions}
        rows={data.data?.rows}
        total={data.data?.total ?? 0}
        totalCapped={data.data?.totalCapped ?? false}
        loading={data.isFetching}
        list={list}
        filtered={list.filtered}
        countForms={['организация', 'организации', 'организаций']}
        empty={<EmptyState text="Организаций пока нет. Добавьте первую." action={add} />}
      />
      {form ? <OrganizationForm editing={form.editing} onClose={() => setForm(null)} /> : null}
    </>
  );
}
