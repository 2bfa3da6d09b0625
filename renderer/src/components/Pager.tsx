import { Pagination } from '@mantine/core';

/** A list's pages: DataTable loads it when a list has more than one page (the plan, shown whole, never does). */
export default function Pager({ pages, page, onChange }: { pages: number; page: number; onChange: (page: number) => void }) {
  return <Pagination total={pages} value={page} onChange={onChange} aria-label="Страницы" />;
}
