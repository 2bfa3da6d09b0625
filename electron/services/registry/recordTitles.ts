import type { AppDb } from '@db/open';

/**
 * How a merge conflict names the record both rows belong to («заседание №3 от 12.09.2017»), by
 * the record kind the registers declare on their references (db/schema/references.ts). Each
 * register names its own records in its public module (`workPlanRecordTitles`,
 * `meetingsRecordTitles`…) and the application hands them to the registry's merge
 * (electron/api/handlers.ts): the registers import the registry, so it cannot import them.
 * Only the kinds of link tables are needed — a conflict needs a unique key, and only the links
 * have one; tests/unit/registry/duplicates.test.ts checks every such kind has its title.
 */
export type RecordTitle = (db: AppDb, id: number) => string | undefined;
export type RecordTitles = Record<string, RecordTitle>;

export const recordTitle = (titles: RecordTitles, db: AppDb, kind: string, id: number): string => titles[kind]?.(db, id) ?? `запись №${id}`;
