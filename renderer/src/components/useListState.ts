import { useCallback, useEffect, useRef, useState } from 'react';

/** How long typing pauses before a search goes out: the index answers in milliseconds, so short. */
export const SEARCH_DEBOUNCE_MS = 150;

/** The paging, sorting and search part of a list call's input. */
export interface ListQuery<Sort extends string> {
  search: string;
  sort: Sort;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/**
 * Search, filters, sort and page of a list. Any change of the search or a filter returns to
 * the first page, or the user would look at an empty page 7 of a three-row result.
 *
 * `prime` is called from the search's debounce timer with the list's next input, before the
 * screen renders it: the screen starts its call there (`queryClient.prefetchQuery` under the key
 * its `useCall` will ask for), instead of after React has rendered the screen and committed it
 * (a query starts in an effect), which came after the debounce's 150 ms on every search.
 */
export function useListState<Sort extends string, Filters extends object>(
  defaultSort: Sort,
  initialFilters: Filters,
  pageSize = 25,
  prime?: (query: ListQuery<Sort>, filters: Filters) => void,
) {
  const [search, setSearchRaw] = useState('');
  const [debouncedSearch, setDebouncedSearch] = useState('');
  const [filters, setFiltersRaw] = useState(initialFilters);
  const [sort, setSort] = useState<Sort>(defaultSort);
  const [dir, setDir] = useState<'asc' | 'desc'>('asc');
  const [page, setPage] = useState(1);
  // What the timer reads when it fires: the state as it is then, not as it was at the keystroke.
  const latest = useRef({ filters, sort, dir, prime });
  useEffect(() => {
    latest.current = { filters, sort, dir, prime };
  });
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  // Stable setters: a screen's filter bar, memoised, does not render again on each typed letter.
  const setSearch = useCallback(
    (value: string) => {
      setSearchRaw(value);
      setPage(1);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => {
        const now = latest.current;
        now.prime?.({ search: value, sort: now.sort, dir: now.dir, offset: 0, limit: pageSize }, now.filters);
        setDebouncedSearch(value);
      }, SEARCH_DEBOUNCE_MS);
    },
    [pageSize],
  );
  const setFilter = useCallback(<K extends keyof Filters>(key: K, value: Filters[K]) => {
    setFiltersRaw((f) => ({ ...f, [key]: value }));
    setPage(1);
  }, []);
  // A reset applies at once, the search's text with it: nothing is being typed.
  const resetFilters = useCallback(() => {
    window.clearTimeout(timer.current);
    setSearchRaw('');
    setDebouncedSearch('');
    setFiltersRaw(initialFilters);
    setPage(1);
    // `initialFilters` is the screen's first value, as useState keeps it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return {
    search,
    setSearch,
    filters,
    setFilter,
    resetFilters,
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
    query: { search: debouncedSearch, sort, dir, offset: (page - 1) * pageSize, limit: pageSize } satisfies ListQuery<Sort>,
  };
}

export type ListState<Sort extends string> = Pick<
  ReturnType<typeof useListState<Sort, object>>,
  'sort' | 'dir' | 'toggleSort' | 'page' | 'setPage' | 'pageSize' | 'resetFilters'
>;
