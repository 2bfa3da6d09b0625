import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type ReactNode, type RefObject } from 'react';

/**
 * The rows of a long list near the window, with spacer rows standing for the rest (TanStack
 * Virtual, scrolled by the page itself). DataTable loads it for lists above VIRTUALIZE_FROM rows.
 * Rows keep their own heights: each is measured once rendered (`measure` as its ref).
 */
export default function VirtualRows({
  count,
  keyOf,
  body,
  render,
}: {
  count: number;
  keyOf: (index: number) => string;
  /** The table body: where the list starts on the page. */
  body: RefObject<HTMLTableSectionElement | null>;
  render: (index: number, measure: (row: HTMLTableRowElement | null) => void) => ReactNode;
}) {
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    // Where the list starts on the page is known only once it is laid out: read from the DOM, once.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (body.current) setScrollMargin(body.current.getBoundingClientRect().top + window.scrollY);
  }, [body]);
  const virtualizer = useWindowVirtualizer({ count, estimateSize: () => 52, overscan: 12, scrollMargin, getItemKey: keyOf });
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - scrollMargin : 0;
  const padBottom = last ? virtualizer.getTotalSize() - (last.end - scrollMargin) : 0;
  return (
    <>
      {padTop > 0 ? <tr aria-hidden style={{ height: padTop }} /> : null}
      {items.map((item) => render(item.index, virtualizer.measureElement))}
      {padBottom > 0 ? <tr aria-hidden style={{ height: padBottom }} /> : null}
    </>
  );
}
