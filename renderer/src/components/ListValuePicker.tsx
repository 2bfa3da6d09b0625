import { Select, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { ListValue } from '@shared/contract/lists';
import type { EditableList } from '@shared/enums';
import { sortKey } from '@shared/russian';
import { useCall, useChange } from '@renderer/api/client';
import { wordFilter } from './pickers';

/**
 * A value of an editable list for a form (the plan item's «Форма»): the list's active values in
 * the center's order, and the record's own value even when it has been archived since (marked). A
 * value not in the list is added from here — «Добавить «Вебинар» в список» —, an archived one
 * brought back, so nobody leaves the form to edit the list; the list screen (Настройки → Списки)
 * renames, orders and archives.
 */

/** The options that are actions, not values: negative so they never meet an id. */
const ADD = -1;
const RESTORE = -2;

interface Props {
  list: EditableList;
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: ReactNode;
  required?: boolean;
  placeholder?: string;
  /** The form path of the field (the form stack shows its errors under it, see FormFrame). */
  'data-path'?: string;
}

export function ListValuePicker({ list, label, value, onChange, error, required, placeholder, 'data-path': dataPath }: Props) {
  const view = useCall('lists.get', { list });
  const create = useChange('lists.create');
  const restore = useChange('lists.setArchived');
  const [search, setSearch] = useState('');
  const values: ListValue[] = view.data?.values ?? [];
  const typed = search.trim();
  const same = typed ? values.find((v) => sortKey(v.value) === sortKey(typed)) : undefined;
  const offer =
    typed && !same
      ? { value: ADD, label: `Добавить «${typed}» в список` }
      : same?.archived && same.id !== value
        ? { value: RESTORE, label: `Вернуть «${same.value}» из архива` }
        : null;
  const data = [
    ...values
      .filter((v) => !v.archived || v.id === value)
      .map((v) => ({ value: v.id, label: v.archived ? `${v.value} (в архиве)` : v.value })),
    ...(offer ? [offer] : []),
  ];
  // The action stays offered whatever the words typed: it is about them.
  const filter: OptionsFilter<number> = (input) => [
    ...wordFilter({ ...input, options: input.options.filter((o) => !('value' in o) || o.value >= 0) }),
    ...(input.options.filter((o) => 'value' in o && o.value < 0) as ComboboxParsedItem<number>[]),
  ];

  const choose = (next: number | null) => {
    if (next === ADD) {
      create.mutate({ list, value: typed }, { onSuccess: (created) => onChange(created.id) });
    } else if (next === RESTORE && same) {
      restore.mutate({ id: same.id, archived: false }, { onSuccess: (restored) => onChange(restored.id) });
    } else onChange(next);
  };

  return (
    <Select
      label={label}
      required={required}
      placeholder={placeholder}
      searchable
      allowDeselect={false}
      data={data}
      value={value}
      onChange={choose}
      searchValue={search}
      onSearchChange={setSearch}
      filter={filter}
      nothingFoundMessage="Нет такого значения"
      error={error}
      data-path={dataPath}
      disabled={view.isPending}
    />
  );
}
