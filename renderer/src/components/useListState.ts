import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/** How long typing pauses before a search goes out: the index answers in milliseconds, so short. */
export const SEARCH_DEBOUNCE_MS = 150;

/**
 * Search, filters, sort and page of a list. Any change of the search or a filter returns to
 * the first page, or the user would look at an empty page 7 of a three-row result.
 */
export function useListState<Sort extends string, Filters extends object>(defaultSort: Sort, initialFilters: Filters, pageSize = 25) {
  const [search, setSearchRaw] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [filters, setFiltersRaw] = useState(initialFilters);
  const [sort, setSort] = useState<Sort>(defaultSort);
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);

  return {
    search,
    setSearch: (value: string) => {
      setSearchRaw(value);
      setPage(1);
    },
    filters,
    setFilter: <K extends keyof Filters>(key: K, value: Filters[K]) => {
      setFiltersRaw((f) => ({ ...f, [key]: value }));
      setPage(1);
    },
    resetFilters: () => {
      setSearchRaw('');
      setFiltersRaw(initialFilters);
      setPage(1);
    },
    filtered: search.trim() !== '' || Object.entries(filters).some(([, v]) => v !== null && v !== ''),
    sort,
    dir,
    toggleSort: (next: Sort) => {
      if (next === sort) setDir((d) => (d === 'asc' ? 'desc' : 'asc'));
      else {
        setSort(next);
        setDir('asc');
      }
      setPage(1);
    },
    page,
    setPage,
    pageSize,
    /** The paging, sorting and search part of a list call's input. */
    query: { search: debouncedSearch, sort, dir, offset: (page - 1) * pageSize, limit: pageSize },
  };
}

export type ListState<Sort extends string> = Pick<
  ReturnType<typeof useListState<Sort, object>>,
  'sort' | 'dir' | 'toggleSort' | 'page' | 'setPage' | 'pageSize' | 'resetFilters'
>;
