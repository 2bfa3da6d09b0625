import { Group } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { IconHistory } from '@tabler/icons-react';
import type { Person } from '@shared/contract/registry';
import type { OrganizationType } from '@shared/enums';
import { formatDate, personFullName } from '@shared/russian';
import { primeCall, useCall, useChange } from '@renderer/api/client';
import { Contacts, MunicipalityFilter, TypeFilter } from './common';
import { AddButton, editDeleteActions, EmptyState, ScreenHeader, SearchInput } from '@renderer/components/screen';
import { ImportButton, ImportReports } from '@renderer/components/ImportDialog';
import { CellText, DataTable, type Column } from '@renderer/components/DataTable';
import { PersonForm } from './PersonForm';
import { OrganizationPicker } from '@renderer/components/pickers';
import { useListState } from '@renderer/components/useListState';

type Sort = 'name' | 'organization' | 'position';
interface Filters {
  organizationId: number | null;
  organizationType: OrganizationType | null;
  municipalityId: number | null;
}

/** A constant: the table's rows render again only when their person changed (DataTable's BodyRow). */
const COLUMNS: Column<Person, Sort>[] = [
  { header: 'Фамилия, имя, отчество', sort: 'name', render: (p) => personFullName(p) },
  { header: 'Должность', sort: 'position', render: (p) => p.position || '—' },
  { header: 'Организация', sort: 'organization', render: (p) => p.organizationName ?? '—' },
  { header: 'Контакты', width: 190, render: (p) => <Contacts phone={p.phone} email={p.email} /> },
  {
    header: 'Согласие на обработку ПД',
    width: 130,
    render: (p) => (p.pdConsent ? `от ${formatDate(p.pdConsentDate)}` : <CellText dimmed>нет</CellText>),
  },
];

export function PeopleScreen() {
  // The organisations list links here with `?organization=ID` to show that organisation's staff.
  const [params] = useSearchParams();
  const fromLink = Number(params.get('organization'));
  const list = useListState<Sort, Filters>(
    'name',
    {
      organizationId: Number.isInteger(fromLink) && fromLink > 0 ? fromLink : null,
      organizationType: null,
      municipalityId: null,
    },
    undefined,
    // The search's call starts in its debounce timer, under the key asked for below.
    (query, filters) => primeCall('people.list', { ...query, ...filters }),
  );
  const data = useCall('people.list', { ...list.query, ...list.filters }, { placeholderData: keepPreviousData });
  const remove = useChange('people.delete', { success: 'Запись о специалисте удалена' });
  const [form, setForm] = useState<{ editing: Person | null } | null>(null);
  const navigate = useNavigate();

  const actions = editDeleteActions<Person>({
    name: personFullName,
    question: (p) => `Удалить специалиста «${personFullName(p)}»?`,
    onEdit: (p) => setForm({ editing: p }),
    onDelete: (p) => remove.mutate({ id: p.id }),
    // The events register's history of the person, with its printable справка.
    more: (p) => [{ label: 'Участие в мероприятиях', icon: <IconHistory size={14} />, onClick: () => navigate(`/events/person/${p.id}`) }],
  });

  const add = <AddButton onClick={() => setForm({ editing: null })} />;

  return (
    <>
      <ScreenHeader
        title="Специалисты"
        description="Специалисты организаций: ответственные, участники, партнёры"
        action={
          <Group gap="xs">
            <ImportButton target="people" />
            {add}
          </Group>
        }
      />
      <ImportReports target="people" />
      <Group mb="md" align="flex-end">
        <SearchInput placeholder="Фамилия, имя, должность или e-mail" value={list.search} onChange={list.setSearch} />
        <PeopleFilters filters={list.filters} setFilter={list.setFilter} />
      </Group>
      <DataTable
        label="Специалисты"
        columns={COLUMNS}
        actions={actions}
        rows={data.data?.rows}
        total={data.data?.total ?? 0}
        totalCapped={data.data?.totalCapped ?? false}
        loading={data.isFetching}
        list={list}
        filtered={list.filtered}
        countForms={['специалист', 'специалиста', 'специалистов']}
        empty={<EmptyState text="Специалистов пока нет. Добавьте первого." action={add} />}
      />
      {form ? <PersonForm editing={form.editing} organizationId={list.filters.organizationId} onClose={() => setForm(null)} /> : null}
    </>
  );
}

/**
 * The organisation, type and municipality filters: memoised (the list's setters are stable), so a
 * typed letter of the search renders the search field and the rows, not the pickers and Selects.
 */
const PeopleFilters = memo(function PeopleFilters({
  filters,
  setFilter,
}: {
  filters: Filters;
  setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => void;
}) {
  return (
    <>
      <div style={{ width: 300 }}>
        <OrganizationPicker
          label="Организация"
          placeholder="Все организации"
          value={filters.organizationId}
          onChange={(v) => setFilter('organizationId', v)}
        />
      </div>
      <TypeFilter label="Тип организации" value={filters.organizationType} onChange={(v) => setFilter('organizationType', v)} />
      <MunicipalityFilter value={filters.municipalityId} onChange={(v) => setFilter('municipalityId', v)} />
    </>
  );
});
