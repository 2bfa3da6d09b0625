/**
 * What becomes of a register's table when a file is rebuilt (db/rebuild.ts): a restored backup,
 * a received package, the data package built for the coordinator. Declared by each register
 * next to its tables and gathered in db/tables.ts; a test refuses a table without one, so a new
 * register decides consciously what leaves the PC.
 */
export interface TablePolicy {
  /** How the table is named in the preview of a restore («Специалисты: 31»); none for bookkeeping tables. */
  label?: string;
  /**
   * In the data package for the coordinator: every row, none (what the center keeps only for
   * itself), or some rows and some columns replaced by an SQL expression over the row (a
   * contact only with recorded consent).
   */
  package: 'all' | 'none' | { where?: string; columns?: Record<string, string> };
  /**
   * On restore: rows from the file (the default), or kept from this PC's own database (a log of
   * what happened on this PC, which the restored data must not rewrite).
   */
  restore?: 'file' | 'local';
}

export type TablePolicies = Record<string, TablePolicy>;
