import { MultiSelect, Select, Stack, Text, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Option } from '@shared/contract/registry';
import { useCall } from '@renderer/api/client';
import { matchesWords } from '@shared/russian';

/**
 * Pickers of people and organisations for any form. The registry may hold tens of thousands
 * of people, so options come from the server as the user types (same case- and ё-insensitive
 * search as the lists), and the labels of the current value come by id.
 */

type Kind = 'people' | 'organizations';

const OPTIONS_CALL = { people: 'people.options', organizations: 'organizations.options' } as const;
const BY_IDS_CALL = { people: 'people.optionsByIds', organizations: 'organizations.optionsByIds' } as const;
const NOTHING_FOUND = { people: 'Специалисты не найдены', organizations: 'Организации не найдены' } as const;

function useOptions(kind: Kind, selectedIds: number[], search: string) {
  const selected = useCall(BY_IDS_CALL[kind], { ids: selectedIds }, { enabled: selectedIds.length > 0, placeholderData: keepPreviousData });
  const chosen = useMemo(() => (selectedIds.length > 0 ? (selected.data ?? []) : []), [selectedIds.length, selected.data]);
  // After a choice Mantine puts the chosen label into the search box; searching for exactly
  // that would hide every other option when the list is opened again.
  const query = chosen.some((o) => o.label === search) ? '' : search;
  const [debounced] = useDebouncedValue(query, 250);
  const found = useCall(OPTIONS_CALL[kind], { search: debounced, limit: 30 }, { placeholderData: keepPreviousData });
  return useMemo(() => {
    // The chosen entries stay in the data even when the search does not match them, or the
    // input would lose their labels.
    const byId = new Map<number, Option>();
    for (const o of chosen) byId.set(o.id, o);
    for (const o of found.data ?? []) byId.set(o.id, o);
    return {
      data: [...byId.values()].map((o) => ({ value: o.id, label: o.label })),
      describe: (id: number) => byId.get(id)?.description,
    };
  }, [found.data, chosen]);
}

function renderWithDescription(describe: (id: number) => string | undefined) {
  return ({ option }: { option: { value: number; label: string } }) => {
    const description = describe(option.value);
    return (
      <Stack gap={0}>
        <Text size="sm">{option.label}</Text>
        {description ? (
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        ) : null}
      </Stack>
    );
  };
}

/** The server already filtered; Mantine's own filter would disagree on ё/е and word order. */
const serverFiltered = <T,>({ options }: { options: T[] }) => options;

/**
 * For a Select whose options are all on the screen (plan items, municipalities): the search the
 * lists use — every typed word somewhere in the label, case, ё and quotes aside — instead of
 * Mantine's own substring match, which misses «елочка» in «Ёлочка» and «сош 1» in «СОШ №1».
 */
export function wordFilter<V extends string | number>({ options, search }: Parameters<OptionsFilter<V>>[0]): ComboboxParsedItem<V>[] {
  const keep = (item: ComboboxParsedItem<V>): ComboboxParsedItem<V>[] => {
    if ('group' in item) {
      const items = item.items.filter((o) => matchesWords(o.label, search));
      return items.length ? [{ ...item, items }] : [];
    }
    return matchesWords(item.label, search) ? [item] : [];
  };
  return options.flatMap(keep);
}

interface SingleProps {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  error?: string | undefined;
  placeholder?: string;
  required?: boolean;
}

interface MultiProps {
  label: string;
  value: number[];
  onChange: (value: number[]) => void;
  error?: string | undefined;
  placeholder?: string;
}

/** What a single and a multiple picker share: server search, labels with descriptions. */
function usePicker(kind: Kind, selectedIds: number[], label: string, error: string | undefined) {
  const [search, setSearch] = useState('');
  const { data, describe } = useOptions(kind, selectedIds, search);
  return {
    label,
    data,
    error,
    searchable: true,
    clearable: true,
    searchValue: search,
    onSearchChange: setSearch,
    filter: serverFiltered,
    nothingFoundMessage: NOTHING_FOUND[kind],
    renderOption: renderWithDescription(describe),
    maxDropdownHeight: 320,
  };
}

const SEARCH_HINT = 'Начните вводить для поиска';

function SinglePicker({ kind, label, value, onChange, error, placeholder, required }: SingleProps & { kind: Kind }) {
  const selectedIds = useMemo(() => (value === null ? [] : [value]), [value]);
  const picker = usePicker(kind, selectedIds, label, error);
  return (
    <Select<number>
      {...picker}
      placeholder={placeholder ?? SEARCH_HINT}
      value={value}
      onChange={(v) => onChange(v ?? null)}
      required={required}
    />
  );
}

function MultiPicker({ kind, label, value, onChange, error, placeholder }: MultiProps & { kind: Kind }) {
  const picker = usePicker(kind, value, label, error);
  return (
    <MultiSelect<number>
      {...picker}
      placeholder={value.length === 0 ? (placeholder ?? SEARCH_HINT) : undefined}
      value={value}
      onChange={onChange}
    />
  );
}

export const PersonPicker = (props: SingleProps) => <SinglePicker kind="people" {...props} />;
export const PeopleMultiPicker = (props: MultiProps) => <MultiPicker kind="people" {...props} />;
export const OrganizationPicker = (props: SingleProps) => <SinglePicker kind="organizations" {...props} />;
export const OrganizationsMultiPicker = (props: MultiProps) => <MultiPicker kind="organizations" {...props} />;
