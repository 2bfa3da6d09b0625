import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { EDITABLE_LIST_INFO, type EditableList } from '@shared/enums';
import { INDICATOR_DEFAULTS } from '@shared/contract/indicatorEnums';
import { genderFromPatronymic, municipalityName, prefillForms, splitMunicipalityName, type ProperForms } from '@shared/russian';
import type { AppDb } from './open';
import { listValueKeys, rebuildDerived, rederive } from './derived';
import { LIST_REFERENCES } from './references';
import {
  appSettings,
  indicatorDefinitions,
  listValueOrder,
  listValues,
  municipalities,
  organizations,
  people,
  planItems,
  undoJournal,
} from './schema';
import { nextPosition, parkAll } from './positions';
import { rebuildSearchIndex } from './search';
import { inTransaction } from './transaction';

/**
 * Changes to stored data that SQL cannot make, because they need the Russian text rules written in
 * TypeScript. Each step runs once per database, right after the SQL migrations (and on a file
 * restored from an older backup, which lacks them), in a transaction together with its record in
 * app_settings. A change of the rules adds a new step (e.g. another `rebuildDerived`), never edits
 * one that has run.
 */
export interface DataStep {
  id: string;
  /** How many SQL migrations the step needs applied (the columns it writes): 4 = up to 0003. */
  afterMigrations: number;
  run: (db: AppDb) => void;
}

export const DATA_STEPS_KEY = 'db.dataSteps';

/** 0003: «Моршанский район» → type `district` + «Моршанский», with forms by rule for the user to confirm. */
function splitMunicipalityNames(db: AppDb): void {
  const rows = db.select().from(municipalities).where(eq(municipalities.properName, '')).all();
  for (const m of rows) {
    const parts = splitMunicipalityName(m.name);
    const { forms } = prefillForms(parts.type, parts.properName);
    db.update(municipalities)
      .set({ ...parts, forms: JSON.stringify(forms), formsConfirmed: false, name: municipalityName({ ...parts, forms }) })
      .where(eq(municipalities.id, m.id))
      .run();
  }
}

/** 0003: the gender a patronymic states; the rest stay unknown until someone opens the person's form. */
function genderFromPatronymics(db: AppDb): void {
  for (const p of db.select({ id: people.id, middleName: people.middleName }).from(people).where(isNull(people.gender)).all()) {
    const gender = genderFromPatronymic(p.middleName);
    if (gender) db.update(people).set({ gender }).where(eq(people.id, p.id)).run();
  }
}

/**
 * The sentence the old code appended to a plan item's note when a meeting realising it was held
 * («Заседание проведено 12.09.2017, протокол №1», after «; » when she had written something).
 */
export const GENERATED_NOTE = /(?:^|;\s*)(?:Заседание|Совещание|Круглый стол) проведено \d{2}\.\d{2}\.\d{4}, протокол №\d+/g;

/**
 * 0003: the link rows now say what those sentences said (the migration made them from the old
 * columns), so the sentences go and the note is her own text again. The old code set «выполнено»
 * together with the sentence, from «запланировано» or «перенесено»; that status was never hers,
 * so it goes back to «запланировано» (a held meeting still shows the item as done, derived).
 */
function removeGeneratedNotes(db: AppDb): void {
  for (const item of db.select({ id: planItems.id, resultNote: planItems.resultNote, status: planItems.status }).from(planItems).all()) {
    const own = item.resultNote.replace(GENERATED_NOTE, '').trim();
    if (own === item.resultNote) continue;
    db.update(planItems)
      .set({ resultNote: own, status: item.status === 'done' ? 'planned' : item.status })
      .where(eq(planItems.id, item.id))
      .run();
  }
}

/**
 * A list's values as the center will edit them: values one fold apart («семинар», «Семинар»,
 * «Семинар.») typed as free text before the list existed are one value. The group keeps one row —
 * the first by position; the records of the others point at it and they go — spelled as the list's
 * first values spell it (shared/enums.ts), else as most records spelled it (the first used on a tie):
 * so a record may now show «Семинар» where «семинар.» was typed. The list's first values are added
 * where missing; they come first in their order, the others after them in the order of first use.
 * Folded keys are computed from the values here, so the step does not depend on what an earlier
 * rebuild left in folded_value.
 */
export function settleList(db: AppDb, list: EditableList): void {
  const defaults = EDITABLE_LIST_INFO[list].defaults;
  const references = LIST_REFERENCES.filter((r) => r.list === list);
  const uses = (id: number) =>
    references.reduce(
      (n, r) => n + (db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${r.column.table} WHERE ${r.column} = ${id}`)?.n ?? 0),
      0,
    );
  const rows = db.select().from(listValues).where(eq(listValues.list, list)).orderBy(asc(listValues.position), asc(listValues.id)).all();
  const groups = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) {
    const key = listValueKeys(row).foldedValue;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const kept = new Map<string, { id: number; value: string }>();
  for (const [key, group] of groups) {
    const first = group[0]!;
    const spelling =
      defaults.find((value) => listValueKeys({ value }).foldedValue === key) ??
      group.map((row) => ({ value: row.value, n: uses(row.id) })).reduce((best, x) => (x.n > best.n ? x : best)).value;
    for (const row of group.slice(1)) {
      for (const reference of references) {
        db.run(
          sql`UPDATE ${reference.column.table} SET ${sql.identifier(reference.column.name)} = ${first.id} WHERE ${reference.column} = ${row.id}`,
        );
      }
      db.delete(listValues).where(eq(listValues.id, row.id)).run();
    }
    kept.set(key, { id: first.id, value: spelling });
  }
  const isDefault = (key: string) => defaults.some((value) => listValueKeys({ value }).foldedValue === key);
  const order = [
    ...defaults.map((value) => kept.get(listValueKeys({ value }).foldedValue) ?? value),
    ...[...kept].filter(([key]) => !isDefault(key)).map(([, row]) => row),
  ];
  parkAll(db, listValueOrder, { list }, order.length);
  // Placeholders first: a kept value's folded key may be taken by another one's stale key.
  db.update(listValues)
    .set({ foldedValue: sql`char(0) || ${listValues.id}` })
    .where(eq(listValues.list, list))
    .run();
  order.forEach((entry, i) => {
    if (typeof entry === 'string') {
      db.insert(listValues)
        .values({ list, value: entry, ...listValueKeys({ value: entry }), position: i + 1 })
        .run();
    } else {
      db.update(listValues)
        .set({ value: entry.value, ...listValueKeys(entry), position: i + 1 })
        .where(eq(listValues.id, entry.id))
        .run();
    }
  });
}

/**
 * 0006: the plan's forms are list values. Plan items deleted before (their images in the undo
 * journal) named their form as text; the image now names the value — one not in the list any
 * more is added to it archived, so undoing the deletion brings the item back with its form.
 */
function journalPlanForms(db: AppDb): void {
  for (const entry of db.select().from(undoJournal).where(isNull(undoJournal.undoneAt)).all()) {
    const payload = JSON.parse(entry.payload) as { rows?: { table: string; values: Record<string, unknown> }[] };
    let changed = false;
    for (const row of payload.rows ?? []) {
      if (row.table !== 'plan_items' || !('form' in row.values)) continue;
      const value = String(row.values.form);
      const { foldedValue } = listValueKeys({ value });
      const found = db
        .select({ id: listValues.id })
        .from(listValues)
        .where(and(eq(listValues.list, 'planForms'), eq(listValues.foldedValue, foldedValue)))
        .get();
      const id =
        found?.id ??
        db
          .insert(listValues)
          .values({
            list: 'planForms',
            value,
            foldedValue,
            archived: true,
            position: nextPosition(db, listValueOrder, { list: 'planForms' }),
          })
          .returning({ id: listValues.id })
          .get().id;
      const { form: _form, ...rest } = row.values;
      row.values = { ...rest, form_id: id };
      changed = true;
    }
    if (changed)
      db.update(undoJournal)
        .set({ payload: JSON.stringify(payload) })
        .where(eq(undoJournal.id, entry.id))
        .run();
  }
}

/**
 * 0007: the center's organisation the migration made from the profile gets its search text and
 * sort key (a key another organisation has already is marked, as the rebuild marks it).
 */
function centerOrganizationKeys(db: AppDb): void {
  rederive(db, 'organizations', eq(organizations.sortKey, ''));
}

/**
 * 0011: the indicator catalogue's first values (settled as any list) get the unit, group, yearly
 * rule and check roles seed 003 gives them. Values the center already described are left alone.
 */
function describeDefaultIndicators(db: AppDb): void {
  settleList(db, 'indicators');
  const idOf = (value: string) =>
    db
      .select({ id: listValues.id })
      .from(listValues)
      .where(and(eq(listValues.list, 'indicators'), eq(listValues.foldedValue, listValueKeys({ value }).foldedValue)))
      .get()?.id;
  // A computed default needs the `source` column of 0017: its own step describes it.
  for (const d of INDICATOR_DEFAULTS.filter((x) => x.rule !== 'computed')) {
    const id = idOf(d.name);
    if (id === undefined) continue;
    const atLeastId = d.atLeast ? (idOf(d.atLeast) ?? null) : null;
    db.insert(indicatorDefinitions)
      .values({ indicatorId: id, unit: d.unit, groupName: d.group, rule: d.rule, role: d.role ?? null, atLeastId })
      .onConflictDoNothing()
      .run();
  }
}

/**
 * 0017: the computed defaults («Специалисты прошли обучение» from the events register, copies distributed from the publications ledger) join the
 * catalogue of a database that has one: added at the end of the list where no value folds to the
 * name (the center's order is left as it is), then described with their source. A value of that
 * name the center already described is left alone.
 */
function describeComputedIndicators(db: AppDb): void {
  for (const d of INDICATOR_DEFAULTS.filter((x) => x.rule === 'computed')) {
    const keys = listValueKeys({ value: d.name });
    const id =
      db
        .select({ id: listValues.id })
        .from(listValues)
        .where(and(eq(listValues.list, 'indicators'), eq(listValues.foldedValue, keys.foldedValue)))
        .get()?.id ??
      db
        .insert(listValues)
        .values({ list: 'indicators', value: d.name, ...keys, position: nextPosition(db, listValueOrder, { list: 'indicators' }) })
        .returning({ id: listValues.id })
        .get().id;
    db.insert(indicatorDefinitions)
      .values({ indicatorId: id, unit: d.unit, groupName: d.group, rule: d.rule, source: d.source ?? null })
      .onConflictDoNothing()
      .run();
  }
}

/**
 * 0022 (issue 24): «городской округ - город Уварово» was stored with a hyphen-minus where the name
 * wants the spaced en dash (the one dash of the documents, shared/documents/text.ts). The rule is
 * fixed in shared/russian; the names already stored are written again by it, and their keys follow.
 */
function urbanOkrugDash(db: AppDb): void {
  const rows = db.select().from(municipalities).where(eq(municipalities.type, 'urbanOkrug')).all();
  for (const m of rows) {
    const name = municipalityName({ type: m.type, properName: m.properName, forms: JSON.parse(m.forms) as ProperForms });
    if (name !== m.name) db.update(municipalities).set({ name }).where(eq(municipalities.id, m.id)).run();
  }
  if (rows.length > 0) rederive(db, 'municipalities', eq(municipalities.type, 'urbanOkrug'));
}

export const DATA_STEPS: readonly DataStep[] = [
  { id: '0003-municipality-name-parts', afterMigrations: 4, run: splitMunicipalityNames },
  { id: '0003-gender-from-patronymic', afterMigrations: 4, run: genderFromPatronymics },
  { id: '0003-plan-notes-to-links', afterMigrations: 4, run: removeGeneratedNotes },
  // Last: the names and notes above feed the keys and search texts.
  { id: '0003-russian-keys', afterMigrations: 4, run: (db) => void rebuildDerived(db) },
  { id: '0006-plan-forms-list', afterMigrations: 7, run: (db) => settleList(db, 'planForms') },
  { id: '0006-journal-plan-forms', afterMigrations: 7, run: journalPlanForms },
  // The forms' text is part of the plan items' search text, and merged values changed it.
  { id: '0006-plan-search-texts', afterMigrations: 7, run: (db) => void rederive(db, 'planItems') },
  { id: '0007-center-organization-keys', afterMigrations: 8, run: centerOrganizationKeys },
  // 0010: the search index of the records already there (the triggers keep it from then on).
  { id: '0010-search-index', afterMigrations: 11, run: (db) => rebuildSearchIndex(db.$client) },
  // 0011 (events): the first values of the events register's lists.
  {
    id: '0011-event-lists',
    afterMigrations: 12,
    run: (db) => {
      settleList(db, 'eventTypes');
      settleList(db, 'eventProgrammes');
      settleList(db, 'audienceCategories');
    },
  },
  // 0012 (indicators): each default indicator's unit, group and yearly rule.
  { id: '0012-indicator-catalogue', afterMigrations: 13, run: describeDefaultIndicators },
  // 0013: the first values of the list of publication kinds.
  { id: '0013-publication-kinds-list', afterMigrations: 14, run: (db) => settleList(db, 'publicationKinds') },
  // 0014: the publications written before their search index (only a file of 0013 alone has such rows).
  { id: '0014-publications-search', afterMigrations: 15, run: (db) => rebuildSearchIndex(db.$client) },
  // 0015: the events written before their search index.
  { id: '0015-events-search', afterMigrations: 16, run: (db) => rebuildSearchIndex(db.$client) },
  // 0017 (indicators computed from a register): the computed defaults and their sources.
  { id: '0017-indicators-computed', afterMigrations: 18, run: describeComputedIndicators },
  { id: '0022-urban-okrug-dash', afterMigrations: 23, run: urbanOkrugDash },
];

function appliedSteps(db: AppDb): string[] {
  const row = db.select().from(appSettings).where(eq(appSettings.key, DATA_STEPS_KEY)).get();
  return row ? (JSON.parse(row.value) as string[]) : [];
}

/**
 * Runs the steps this database has not had yet and whose migrations it has (a file opened with
 * an older set of migrations, as the tests do, gets only the steps of its version); answers
 * their ids.
 */
export function runDataSteps(db: AppDb, appliedMigrations: number, steps: readonly DataStep[] = DATA_STEPS): string[] {
  const ran: string[] = [];
  for (const step of steps) {
    if (step.afterMigrations > appliedMigrations || appliedSteps(db).includes(step.id)) continue;
    inTransaction(db, () => {
      step.run(db);
      const value = JSON.stringify([...appliedSteps(db), step.id]);
      db.insert(appSettings).values({ key: DATA_STEPS_KEY, value }).onConflictDoUpdate({ target: appSettings.key, set: { value } }).run();
    });
    ran.push(step.id);
  }
  return ran;
}
