import { useSearchParams } from 'react-router-dom';

/**
 * A list's filters kept in the address (`?year=2017&status=held`), so a reload or «назад» keeps them:
 * the current values, and a setter that removes a filter set to nothing.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return { params, setFilter };
}
