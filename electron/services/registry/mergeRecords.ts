import type { AppDb } from '@db/open';
import { meetingRecordLabel, type MeetingKind } from '@shared/contract/meetingEnums';
import { formatDate } from '@shared/russian';

/**
 * How a merge conflict names the record both rows belong to («заседание №3 от 12.09.2017»), by
 * the record kind the registers declare on their references (db/schema/references.ts). Only the
 * kinds of link tables appear here: a conflict needs a unique key, and only the links have one.
 * tests/unit/registry/duplicates.test.ts checks every such kind has its title.
 */
type Title = (db: AppDb, id: number) => string | undefined;

const one = <T>(db: AppDb, query: string, id: number) => db.$client.prepare(query).get(id) as T | undefined;

export const RECORD_TITLES: Record<string, Title> = {
  planItem: (db, id) => {
    const row = one<{ title: string }>(db, 'SELECT title FROM plan_items WHERE id = ?', id);
    return row && `мероприятие плана работы «${row.title}»`;
  },
  workingGroup: (db, id) => {
    const row = one<{ name: string }>(db, 'SELECT name FROM working_groups WHERE id = ?', id);
    return row && `рабочая группа «${row.name}»`;
  },
  meeting: (db, id) => {
    const row = one<{ kind: MeetingKind; number: number; dateStart: string }>(
      db,
      'SELECT kind, number, date_start AS dateStart FROM meetings WHERE id = ?',
      id,
    );
    return row && meetingRecordLabel(row);
  },
  assignment: (db, id) => {
    const row = one<{ text: string }>(db, 'SELECT d.text FROM assignments a JOIN decisions d ON d.id = a.decision_id WHERE a.id = ?', id);
    return row && `поручение «${row.text}»`;
  },
  event: (db, id) => {
    const row = one<{ title: string }>(db, 'SELECT title FROM events WHERE id = ?', id);
    return row && `мероприятие «${row.title}»`;
  },
  writeOffAct: (db, id) => {
    const row = one<{ number: number | null; actDate: string }>(
      db,
      'SELECT number, act_date AS actDate FROM write_off_acts WHERE id = ?',
      id,
    );
    return row && `акт списания ${row.number ? `№${row.number} ` : '(черновик) '}от ${formatDate(row.actDate)}`;
  },
};

export const recordTitle = (db: AppDb, kind: string, id: number): string => RECORD_TITLES[kind]?.(db, id) ?? `запись №${id}`;

/** What a conflicting row says beyond its key, in words, for choosing which one stays. */
const COLUMN_WORDS: Record<string, (value: unknown) => string> = {
  present: (v) => (v ? 'отмечен присутствующим' : 'отмечен отсутствующим'),
  registration_number: (v) => (v === null ? '' : `рег. № ${String(v)}`),
  chair: (v) => (v ? 'председатель комиссии' : ''),
};

export function rowWords(row: Record<string, unknown>, dependents: number): string {
  const words = Object.entries(row)
    .map(([column, value]) => COLUMN_WORDS[column]?.(value) ?? '')
    .filter(Boolean);
  if (dependents > 0) words.push(`связанных с ней записей (отметок, строк): ${dependents}`);
  return words.join(', ') || 'без особых отметок';
}
