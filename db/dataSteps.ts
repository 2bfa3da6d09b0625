import { eq, isNull } from 'drizzle-orm';
import { genderFromPatronymic, municipalityName, prefillForms, splitMunicipalityName } from '@shared/russian';
import type { AppDb } from './open';
import { rebuildDerived } from './derived';
import { appSettings, municipalities, people, planItems } from './schema';
import { inTransaction } from './transaction';

/**
 * Changes to stored data that SQL cannot make, because they need the Russian text rules written in
 * TypeScript. Each step runs once per database, right after the SQL migrations (and on a file
 * restored from an older backup, which lacks them), in a transaction together with its record in
 * app_settings. A change of the rules adds a new step (e.g. another `rebuildDerived`), never edits
 * one that has run.
 */
interface DataStep {
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
  for (const item of db.select().from(planItems).all()) {
    const own = item.resultNote.replace(GENERATED_NOTE, '').trim();
    if (own === item.resultNote) continue;
    db.update(planItems)
      .set({ resultNote: own, status: item.status === 'done' ? 'planned' : item.status })
      .where(eq(planItems.id, item.id))
      .run();
  }
}

export const DATA_STEPS: readonly DataStep[] = [
  { id: '0003-municipality-name-parts', afterMigrations: 4, run: splitMunicipalityNames },
  { id: '0003-gender-from-patronymic', afterMigrations: 4, run: genderFromPatronymics },
  { id: '0003-plan-notes-to-links', afterMigrations: 4, run: removeGeneratedNotes },
  // Last: the names and notes above feed the keys and search texts.
  { id: '0003-russian-keys', afterMigrations: 4, run: (db) => void rebuildDerived(db) },
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
