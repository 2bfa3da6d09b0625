/** A list call's page of rows: no zod here, the renderer's first bundle imports it (DataTable). */

/**
 * A search counts its matches no further than this (+1): above it the list says «более 1 000»
 * instead of a number nobody reads, and a one-letter search costs no full count.
 */
export const SEARCH_TOTAL_CAP = 1000;

export interface Page<T> {
  rows: T[];
  /** At most SEARCH_TOTAL_CAP + 1 when `totalCapped`. */
  total: number;
  /** More than SEARCH_TOTAL_CAP records matched a search: `total` is not their number. */
  totalCapped?: boolean;
}
