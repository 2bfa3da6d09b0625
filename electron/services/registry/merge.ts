import { eq, getTableName, sql } from 'drizzle-orm';
import type Database from 'better-sqlite3';
import type { AppDb } from '@db/open';
import { inTransaction } from '@db/transaction';
import { cascadeCount, changeRecorder } from '@db/journal';
import { organizationKeys } from '@db/derived';
import { closeGap } from '@db/positions';
import { REGISTRY_REFERENCES } from '@db/references';
import { ORDERED_LISTS, organizations, people, type ReferenceTarget, type RegistryReference } from '@db/schema';
import { conflict, invalid, notFound } from '@main/api/errors';
import { guardForeignKeys, nowStamp } from '@main/services/common/queries';
import type { Organization, Person } from '@shared/contract/registry';
import { ORGANIZATION_TYPE_LABELS } from '@shared/enums';
import type {
  DuplicateTarget,
  MergeField,
  MergeConflict,
  MergeOrganizationsInput,
  MergePeopleInput,
  MergePreview,
  MergeResult,
} from '@shared/contract/duplicates';
import { formatDate, GENDER_LABELS, organizationDisplayName, personFullName } from '@shared/russian';
import { getOrganization } from './organizations';
import { getPerson, personValues } from './people';
import { usageOf, usagePhrase } from './usage';
import { comparedPair } from './duplicates';
import { rowWords } from './mergeRecords';
import { recordTitle, type RecordTitles } from './recordTitles';

/**
 * Merging a duplicate into the record that stays: every reference the registers declare
 * (db/references.ts) is re-pointed from the merged record to the kept one, the fields chosen
 * from the merged record are copied, and the merged record is deleted — all in the call's one
 * transaction and recorded as one entry of the undo journal, which puts everything back in one
 * transaction, also after a restart.
 *
 * A re-pointed row may repeat a row the kept record already has under a unique key of the
 * schema (both attended one meeting, both are members of one group): such a conflict is never
 * settled silently — the user chooses whose row stays, and the other is deleted (recorded with
 * everything it cascades to, e.g. a participant's attendance marks). Frozen copies (signed
 * minutes, certificates, signed acts) hold their own text and are left as they were signed.
 */

type SqlRow = Record<string, unknown>;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Rows that are documents issued under a number: a conflict over them is not settled by deleting one. */
const NEVER_DELETED: Record<string, string> = {
  certificates: 'у обоих есть действующий сертификат за это мероприятие: сначала аннулируйте один из них',
};

interface UniqueKey {
  columns: string[];
  /** The WHERE of a partial index (one valid certificate per participation), as SQL over the table's own columns. */
  where: string | null;
}

/** The unique keys of a table as SQLite has them, the primary key of a link table included. */
function uniqueKeys(sqlite: Database.Database, table: string): UniqueKey[] {
  const indexes = sqlite.pragma(`index_list(${quote(table)})`) as { name: string; unique: number; partial: number }[];
  return indexes
    .filter((i) => i.unique)
    .map((i) => {
      const columns = (sqlite.pragma(`index_info(${quote(i.name)})`) as { name: string | null }[]).map((c) => c.name ?? '');
      const ddl = i.partial ? (sqlite.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(i.name) as string) : '';
      const where = i.partial ? (/\bWHERE\b([\s\S]*)$/i.exec(ddl)?.[1]?.trim() ?? null) : null;
      return { columns, where };
    });
}

interface FoundConflict extends MergeConflict {
  ref: RegistryReference;
  table: string;
  keptRowid: number;
  mergedRowid: number;
}

/** Pairs of rows, one naming each record, that share a unique key once the merged one is re-pointed. */
function findConflicts(db: AppDb, titles: RecordTitles, target: ReferenceTarget, keptId: number, mergedId: number): FoundConflict[] {
  const sqlite = db.$client;
  const found = new Map<string, FoundConflict>();
  for (const ref of REGISTRY_REFERENCES) {
    if (ref.target !== target) continue;
    const table = getTableName(ref.column.table);
    const column = ref.column.name;
    for (const key of uniqueKeys(sqlite, table)) {
      if (!key.columns.includes(column)) continue;
      const others = key.columns.filter((c) => c !== column);
      if (others.length === 0) continue;
      const side = `SELECT rowid AS __rowid, * FROM ${quote(table)} WHERE ${quote(column)} = ?${key.where ? ` AND (${key.where})` : ''}`;
      const pairs = sqlite
        .prepare(
          `WITH k AS (${side}), m AS (${side}) SELECT k.__rowid AS kept, m.__rowid AS merged FROM k JOIN m ON ${others
            .map((c) => `k.${quote(c)} = m.${quote(c)}`)
            .join(' AND ')}`,
        )
        .all(keptId, mergedId) as { kept: number; merged: number }[];
      for (const pair of pairs) {
        const id = `${table}:${pair.kept}:${pair.merged}`;
        if (found.has(id)) continue;
        const recordId = db
          .select({ id: sql<number>`${ref.record.id}` })
          .from(ref.column.table)
          .where(sql`${sql.raw(quote(table))}.rowid = ${pair.kept}`)
          .get()!.id;
        const rowOf = (rowid: number) => sqlite.prepare(`SELECT * FROM ${quote(table)} WHERE rowid = ?`).get(rowid) as SqlRow;
        const words = (rowid: number) => rowWords(rowOf(rowid), cascadeCount(db, table, { rowid }));
        const note = seatNote(table, rowOf(pair.kept), rowOf(pair.merged));
        found.set(id, {
          key: id,
          record: `${recordTitle(titles, db, ref.record.kind, recordId)} (${ref.role})`,
          keptRow: words(pair.kept),
          mergedRow: words(pair.merged),
          ...(note ? { note } : {}),
          ref,
          table,
          keptRowid: pair.kept,
          mergedRowid: pair.merged,
        });
      }
    }
  }
  return [...found.values()];
}

type Shown<R> = [field: MergeField['field'], label: string, value: (r: R) => string];

const PERSON_MERGE_FIELDS: Shown<Person>[] = [
  ['lastName', 'Фамилия', (p) => p.lastName],
  ['firstName', 'Имя', (p) => p.firstName],
  ['middleName', 'Отчество', (p) => p.middleName],
  ['position', 'Должность', (p) => p.position],
  ['organizationId', 'Организация', (p) => p.organizationName ?? ''],
  ['phone', 'Телефон', (p) => p.phone],
  ['email', 'Электронная почта', (p) => p.email],
  [
    'pdConsent',
    'Согласие на обработку персональных данных',
    (p) => (p.pdConsent ? `дано${p.pdConsentDate ? ` ${formatDate(p.pdConsentDate)}` : ''}` : 'не дано'),
  ],
  ['gender', 'Пол', (p) => (p.gender ? GENDER_LABELS[p.gender] : '')],
];

const ORGANIZATION_MERGE_FIELDS: Shown<Organization>[] = [
  ['fullName', 'Полное наименование', (o) => o.fullName],
  ['shortName', 'Краткое наименование', (o) => o.shortName],
  ['type', 'Тип', (o) => ORGANIZATION_TYPE_LABELS[o.type]],
  ['municipalityId', 'Муниципальное образование', (o) => o.municipalityName ?? ''],
  ['address', 'Адрес', (o) => o.address],
  ['phone', 'Телефон', (o) => o.phone],
  ['email', 'Электронная почта', (o) => o.email],
];

const shownFields = <R>(fields: Shown<R>[], kept: R, merged: R): MergeField[] =>
  fields.map(([field, label, value]) => ({ field, label, kept: value(kept), merged: value(merged) }));

/** Every field the merge takes from either record (the contract's `fromMerged`), as the dialog shows it. */
const mergeFields = (db: AppDb, input: { target: DuplicateTarget; keepId: number; mergeId: number }): MergeField[] =>
  input.target === 'person'
    ? shownFields(PERSON_MERGE_FIELDS, getPerson(db, input.keepId), getPerson(db, input.mergeId))
    : shownFields(ORGANIZATION_MERGE_FIELDS, getOrganization(db, input.keepId), getOrganization(db, input.mergeId));

/** The pair compared, the conflicts to resolve, and what the merge moves. */
export function mergePreview(
  db: AppDb,
  titles: RecordTitles,
  input: { target: DuplicateTarget; keepId: number; mergeId: number },
): MergePreview {
  const pair = comparedPair(db, input.target, input.keepId, input.mergeId);
  if (!pair) throw notFound(input.target === 'person' ? 'Запись о специалисте' : 'Организация');
  return {
    pair,
    fields: mergeFields(db, input),
    conflicts: findConflicts(db, titles, input.target, input.keepId, input.mergeId).map(({ key, record, keptRow, mergedRow, note }) => ({
      key,
      record,
      keptRow,
      mergedRow,
      ...(note ? { note } : {}),
    })),
    moves: usagePhrase(usageOf(db, input.target, input.mergeId)),
  };
}

type Recorder = ReturnType<typeof changeRecorder>;
type OverwrittenRefOf = Parameters<Recorder['overwriting']>[0];

/** The list a row sits in, when its table is an ordered one (a commission's members): the gap it leaves is closed. */
function orderedListOf(table: string) {
  return ORDERED_LISTS.find((l) => l.table === table);
}

/**
 * A flag only one row of a record holds (the chair of an act's commission, a partial unique
 * index): when the row holding it loses a conflict, the row that stays takes the flag and its
 * place, so the act keeps its chair whichever row the user keeps.
 */
const SEATS: Record<string, string> = { write_off_act_members: 'chair' };

/** The conflict in words beyond its rows: what happens to a seat either way. */
function seatNote(table: string, kept: SqlRow, merged: SqlRow): string | undefined {
  const seat = SEATS[table];
  if (!seat || Boolean(kept[seat]) === Boolean(merged[seat])) return undefined;
  return 'Председатель комиссии останется председателем: оставленная строка займёт его место в комиссии.';
}

/**
 * Deletes the row that does not stay, recorded with what it cascades to; an ordered list closes
 * up, recorded too. A seat the deleted row held passes to the row that stays (SEATS).
 */
function deleteLoser(db: AppDb, journal: Recorder, c: FoundConflict, rowid: number, survivorRowid: number): void {
  const sqlite = db.$client;
  const refusal = NEVER_DELETED[c.table];
  if (refusal) throw conflict(`Нельзя объединить: ${c.record} — ${refusal}.`);
  const list = orderedListOf(c.table);
  const rowOf = (r: number) => sqlite.prepare(`SELECT * FROM ${quote(c.table)} WHERE rowid = ?`).get(r) as SqlRow;
  const row = rowOf(rowid);
  const survivor = rowOf(survivorRowid);
  const seat = SEATS[c.table];
  const passSeat = seat !== undefined && Boolean(row[seat]) && !survivor[seat];
  journal.deleting(c.table, { rowid });
  guardForeignKeys(
    `Нельзя оставить выбранную запись (${c.record}): на другую ссылаются записи, которые удалить нельзя (например, выданный сертификат). Выберите, чтобы осталась другая.`,
    () => sqlite.prepare(`DELETE FROM ${quote(c.table)} WHERE rowid = ?`).run(rowid),
  );
  // The survivor's changes are recorded after the gap's: undoing moves the others back first,
  // which frees the survivor's old place, and the deleted row's place is free once it is moved.
  const survivorChanges: OverwrittenRefOf[] = [];
  const set = (column: string, value: number) => {
    survivorChanges.push({ table: c.table, rowid: survivorRowid, column, before: survivor[column] as number, after: value });
    sqlite.prepare(`UPDATE ${quote(c.table)} SET ${quote(column)} = ? WHERE rowid = ?`).run(value, survivorRowid);
  };
  if (passSeat) set(seat, 1);
  if (list) {
    const scope = Object.fromEntries(list.scope.map((s) => [s, row[s] as number | string | null]));
    // With the seat, the survivor moves into the deleted row's place and the gap is where it was.
    let removed = Number(row[list.column]);
    if (passSeat) {
      const from = Number(survivor[list.column]);
      set(list.column, removed);
      removed = from;
    }
    const where = list.scope.map((s) => `${quote(s)} IS ?`).join(' AND ');
    // Recorded from the last place down: undoing moves each row back up before the one above it follows.
    const shifted = sqlite
      .prepare(
        `SELECT rowid AS r, ${quote(list.column)} AS p FROM ${quote(c.table)} WHERE ${where} AND ${quote(list.column)} > ? ORDER BY 2 DESC`,
      )
      .all(...list.scope.map((s) => scope[s]), removed) as { r: number; p: number }[];
    closeGap(sqlite, list, scope, removed);
    for (const s of shifted) journal.overwriting({ table: c.table, rowid: s.r, column: list.column, before: s.p, after: s.p - 1 });
  }
  for (const change of survivorChanges.reverse()) journal.overwriting(change);
}

/** Re-points every declared reference from the merged record to the kept one, after the conflicts are settled. */
function repoint(
  db: AppDb,
  titles: RecordTitles,
  journal: Recorder,
  target: ReferenceTarget,
  keptId: number,
  mergedId: number,
  resolutions: Map<string, 'kept' | 'merged'>,
) {
  const sqlite = db.$client;
  // A composite key over a re-pointed pair (a certificate names its participation by event and
  // person) is consistent only once both are re-pointed: checked at the end of the transaction.
  sqlite.pragma('defer_foreign_keys = ON');
  const conflicts = findConflicts(db, titles, target, keptId, mergedId);
  const unresolved = conflicts.filter((c) => !resolutions.has(c.key));
  if (unresolved.length) {
    throw invalid(`Выберите, чья запись останется: ${unresolved.map((c) => c.record).join('; ')}.`);
  }
  for (const c of conflicts) {
    const keepKept = resolutions.get(c.key) === 'kept';
    deleteLoser(db, journal, c, keepKept ? c.mergedRowid : c.keptRowid, keepKept ? c.keptRowid : c.mergedRowid);
  }
  for (const ref of REGISTRY_REFERENCES) {
    if (ref.target !== target) continue;
    const table = getTableName(ref.column.table);
    const column = quote(ref.column.name);
    const rowids = sqlite
      .prepare(`SELECT rowid FROM ${quote(table)} WHERE ${column} = ?`)
      .pluck()
      .all(mergedId) as number[];
    for (const rowid of rowids) journal.overwriting({ table, rowid, column: ref.column.name, before: mergedId, after: keptId });
    sqlite.prepare(`UPDATE ${quote(table)} SET ${column} = ? WHERE ${column} = ?`).run(keptId, mergedId);
  }
}

/** Records each column of the kept row the merge changes, so the undo can put it back (if nobody changed it since). */
function recordOwnColumns(db: AppDb, journal: Recorder, table: string, id: number, write: () => void): void {
  const sqlite = db.$client;
  const read = () => sqlite.prepare(`SELECT * FROM ${quote(table)} WHERE id = ?`).get(id) as Record<string, string | number | null>;
  const before = read();
  write();
  const after = read();
  for (const column of Object.keys(before)) {
    if (before[column] !== after[column]) journal.overwriting({ table, rowid: id, column, before: before[column]!, after: after[column]! });
  }
}

function resolutionsOf(input: { resolutions: { key: string; keep: 'kept' | 'merged' }[] }) {
  return new Map(input.resolutions.map((r) => [r.key, r.keep]));
}

export function mergePeople(db: AppDb, titles: RecordTitles, input: MergePeopleInput): MergeResult {
  return inTransaction(db, () => {
    const kept = getPerson(db, input.keepId);
    const merged = getPerson(db, input.mergeId);
    const journal = changeRecorder(db);
    repoint(db, titles, journal, 'person', kept.id, merged.id, resolutionsOf(input));
    const from = new Set(input.fromMerged);
    const pick = <K extends keyof typeof kept>(field: K, chosenAs: string = field) => (from.has(chosenAs as never) ? merged : kept)[field];
    const consent = from.has('pdConsent') ? merged : kept;
    const data = {
      lastName: pick('lastName'),
      firstName: pick('firstName'),
      middleName: pick('middleName'),
      position: pick('position'),
      organizationId: pick('organizationId'),
      phone: pick('phone'),
      email: pick('email'),
      pdConsent: consent.pdConsent,
      pdConsentDate: consent.pdConsentDate,
      gender: pick('gender'),
    };
    recordOwnColumns(db, journal, 'people', kept.id, () =>
      db
        .update(people)
        .set({ ...personValues(data, kept.gender), updatedAt: nowStamp })
        .where(eq(people.id, kept.id))
        .run(),
    );
    journal.deleting('people', { id: merged.id });
    db.delete(people).where(eq(people.id, merged.id)).run();
    const label = `Объединены записи о специалисте: «${personFullName(merged)}» → «${personFullName(getPerson(db, kept.id))}»`;
    journal.write(label, { table: 'people', key: { id: merged.id } });
    return { keptId: kept.id, label };
  });
}

export function mergeOrganizations(db: AppDb, titles: RecordTitles, input: MergeOrganizationsInput): MergeResult {
  return inTransaction(db, () => {
    const kept = getOrganization(db, input.keepId);
    const merged = getOrganization(db, input.mergeId);
    const journal = changeRecorder(db);
    repoint(db, titles, journal, 'organization', kept.id, merged.id, resolutionsOf(input));
    const from = new Set(input.fromMerged);
    const pick = <K extends keyof typeof kept>(field: K) => (from.has(field as never) ? merged : kept)[field];
    const data = {
      fullName: pick('fullName'),
      shortName: pick('shortName'),
      type: pick('type'),
      municipalityId: pick('municipalityId'),
      address: pick('address'),
      phone: pick('phone'),
      email: pick('email'),
    };
    recordOwnColumns(db, journal, 'organizations', kept.id, () =>
      db
        .update(organizations)
        .set({ ...data, ...organizationKeys(data), updatedAt: nowStamp })
        .where(eq(organizations.id, kept.id))
        .run(),
    );
    journal.deleting('organizations', { id: merged.id });
    db.delete(organizations).where(eq(organizations.id, merged.id)).run();
    const label = `Объединены записи об организации: «${organizationDisplayName(merged)}» → «${organizationDisplayName(getOrganization(db, kept.id))}»`;
    journal.write(label, { table: 'organizations', key: { id: merged.id } });
    return { keptId: kept.id, label };
  });
}
