import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDb } from '@db/open';
import { eventParticipants, events, municipalities, organizations } from '@db/schema';
import { conflict, invalid } from '@main/api/errors';
import { getSetting } from '@main/services/common/settings';
import { loadPeople, personDuplicateFinder, registryState, type PersonDuplicateFinder, type PersonRecord } from '@main/services/registry';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, type OrganizationType } from '@shared/enums';
import {
  IMPORT_FIELD_LABELS,
  TARGET_FIELDS,
  type ImportField,
  type ImportLine,
  type ImportPreview,
  type ImportSource,
  type MappingEntry,
} from '@shared/contract/imports';
import type { z } from 'zod';
import { organizationInput, personInput } from '@shared/contract/registry';
import { nameMatchKey, organizationDisplayName, personFullName } from '@shared/russian';
import { findLayout, guessMapping, words } from './columns';
import type { Cell, ReadSheet } from './read';
import { cellText, readDate, readPhone } from './values';

/**
 * What each row of a list would become: the record of the registry it is (by the exact
 * normalised name, `nameMatchKey`), a new record, or nothing and why. The preview shows it; the
 * import takes the preview's plan, or computes it again when the registry or the list changed
 * since (imports.ts `previewedPlan`), inside its transaction, and writes exactly the accepted rows.
 */

type PersonInput = z.output<typeof personInput>;
type OrganizationInput = z.output<typeof organizationInput>;

export type PlannedRow =
  | { row: number; kind: 'person'; personId: number }
  | { row: number; kind: 'newPerson'; person: PersonInput; nameKey: string }
  | { row: number; kind: 'organization'; organizationId: number }
  | { row: number; kind: 'newOrganization'; organization: OrganizationInput };

export interface Plan {
  preview: Omit<ImportPreview, 'fileName'>;
  rows: PlannedRow[];
  signature: string;
  /** What the people were matched against (kept for the next list, see registryIndexes). */
  indexes?: RegistryIndexes;
}

export const mappingKey = (signature: string) => `importMapping:${createHash('sha256').update(signature).digest('hex').slice(0, 32)}`;

const TOTALS = /^(итого|всего)(?!\p{L})/iu;

interface Reader {
  get(field: ImportField): Cell | undefined;
  text(field: ImportField): string;
}

function readerOf(row: Cell[], mapping: MappingEntry[]): Reader {
  const columns = new Map(mapping.map((m) => [m.field, m.column]));
  const get = (field: ImportField) => {
    const column = columns.get(field);
    return column === undefined ? undefined : row[column];
  };
  return { get, text: (field) => cellText(get(field)).replace(/\s+/g, ' ').trim() };
}

const reject = (row: number, label: string, reason: string): ImportLine => ({
  row,
  outcome: 'rejected',
  label,
  text: `отклонено: ${reason}`,
});

/**
 * The registry's organisations by the key of their full and their short name. The full name's
 * key is the stored sort key (db/derived.ts: `sortKey(fullName)`, which is `nameMatchKey` of it —
 * tests/unit/imports/matchKeys.test.ts holds the two equal), so 3,000 organisations cost one read.
 */
function organizationIndex(db: AppDb) {
  const byKey = new Map<string, { id: number; name: string }[]>();
  const add = (key: string, entry: { id: number; name: string }) => {
    const list = byKey.get(key);
    if (!list) byKey.set(key, [entry]);
    else if (!list.includes(entry)) list.push(entry);
  };
  for (const o of db
    .select({ id: organizations.id, fullName: organizations.fullName, shortName: organizations.shortName, key: organizations.sortKey })
    .from(organizations)
    .all()) {
    const entry = { id: o.id, name: organizationDisplayName(o) };
    if (o.key) add(LATIN.test(o.fullName) ? nameMatchKey(o.fullName) : o.key, entry);
    if (o.shortName) add(nameMatchKey(o.shortName), entry);
  }
  return byKey;
}

const LATIN = /[A-Za-z]/;

/**
 * The registry's people by their name's key: the stored sort key of the full name, which is the
 * name's `nameMatchKey` for a name without Latin letters (held equal by
 * tests/unit/imports/matchKeys.test.ts) — read, not computed again for each of 20,000 people on
 * every preview. The people are those the duplicate finder reads too: the registry is read once.
 */
function personIndex(everyone: PersonRecord[]) {
  const byName = new Map<string, PersonRecord[]>();
  for (const p of everyone) {
    // The match rule folds Latin look-alikes inside Cyrillic words (issue 18), the order does not:
    // only a name with a Latin letter needs its key computed.
    const key = LATIN.test(p.lastName + p.firstName + p.middleName) ? nameMatchKey(p.lastName, p.firstName, p.middleName) : p.sortKey;
    addByName(byName, key, p);
  }
  return byName;
}

function addByName(byName: Map<string, PersonRecord[]>, key: string, p: PersonRecord) {
  const list = byName.get(key);
  if (list) list.push(p);
  else byName.set(key, [p]);
}

/**
 * What matching a list of people needs of the registry — everyone read once, by name, the
 * duplicate finder's blocks, the organisations by name — kept while the registry is unchanged
 * (its state as the «Дубликаты» screen reads it, per database file): the preview again with
 * another mapping or encoding, and the import's matching inside its transaction after the preview,
 * do not read and index 20,000 people again. A kept worker thread keeps it between its tasks.
 */
interface RegistryIndexes {
  key: string;
  byName: Map<string, PersonRecord[]>;
  possibleDuplicates: PersonDuplicateFinder;
  orgs: ReturnType<typeof organizationIndex>;
}

let registryIndexes: RegistryIndexes | undefined;

const stateKey = (db: AppDb) => `${db.$client.name}\n${registryState(db)}`;

function indexesOf(db: AppDb): RegistryIndexes {
  const key = stateKey(db);
  if (registryIndexes?.key !== key) {
    const everyone = loadPeople(db);
    registryIndexes = {
      key,
      byName: personIndex(everyone),
      possibleDuplicates: personDuplicateFinder(db, everyone),
      orgs: organizationIndex(db),
    };
  }
  return registryIndexes;
}

/**
 * After an import wrote its new people (and nothing else of the registry), inside its transaction:
 * they join the indexes the list was matched against, which are then kept under the registry's
 * new state. The next list (another district's, in the same kept worker) is matched without
 * reading and indexing 27,000 people again — that was about half of a 10,000-row job's matching.
 * Should the transaction roll back, the registry is back at its old state, which no longer names
 * these indexes, and the next list builds them afresh.
 */
export function rememberNewPeople(db: AppDb, plan: Plan, created: { id: number; row: Extract<PlannedRow, { kind: 'newPerson' }> }[]) {
  const kept = plan.indexes;
  if (!kept || registryIndexes !== kept) return;
  const orgNames = organizationNames(kept.orgs);
  for (const { id, row } of created) {
    const { person } = row;
    const record: PersonRecord = {
      id,
      lastName: person.lastName,
      firstName: person.firstName,
      middleName: person.middleName,
      position: person.position,
      organizationId: person.organizationId,
      organizationName: person.organizationId === null ? null : (orgNames.get(person.organizationId) ?? null),
      phone: person.phone,
      email: person.email,
      // Only the match key is read of a record here (personIndex): the stored sort key is that key for a name without Latin letters.
      sortKey: row.nameKey,
    };
    addByName(kept.byName, row.nameKey, record);
    kept.possibleDuplicates.add(record);
  }
  kept.key = stateKey(db);
}

function organizationNames(orgs: RegistryIndexes['orgs']) {
  const names = new Map<number, string>();
  for (const list of orgs.values()) for (const o of list) names.set(o.id, o.name);
  return names;
}

function choosePersonMapping(mapping: MappingEntry[]): string | null {
  const has = (f: ImportField) => mapping.some((m) => m.field === f);
  if (has('fullName') || (has('lastName') && has('firstName'))) return null;
  return 'Укажите, в каком столбце ФИО (или фамилия и имя по отдельности).';
}

/** «Иванова Мария Петровна» in one cell: the surname, the name, and the rest as the patronymic. */
function splitFullName(text: string): { lastName: string; firstName: string; middleName: string } {
  const [lastName = '', firstName = '', ...rest] = text.split(' ').filter(Boolean);
  return { lastName, firstName, middleName: rest.join(' ') };
}

/** How many people a new row «возможно, совпадает с» names at most; more are left to the «Дубликаты» screen. */
const NAMED_DUPLICATES = 3;

const isInitial = (word: string) => /^[А-ЯЁA-Z]\.?$/iu.test(word) || /^[А-ЯЁ]\.[А-ЯЁ]\.?$/iu.test(word);

export function planImport(db: AppDb, sheet: ReadSheet, source: ImportSource): Plan {
  const layout = findLayout(sheet, source.target);
  const remembered = source.mapping === null ? getSetting<MappingEntry[]>(db, mappingKey(layout.signature)) : undefined;
  const known = new Set(layout.columns.map((c) => c.index));
  const mapping = (source.mapping ?? remembered ?? guessMapping(layout.columns, source.target)).filter(
    (m) => known.has(m.column) && TARGET_FIELDS[source.target].includes(m.field),
  );
  const skipped: ImportPreview['skipped'] = [];
  const lines: ImportLine[] = [];
  const rows: PlannedRow[] = [];
  const base = {
    encoding: sheet.encoding,
    columns: layout.columns,
    mapping,
    remembered: remembered !== undefined,
    stripped: sheet.stripped.filter((s) => s.row >= (sheet.rowNumbers[layout.firstData] ?? Infinity)),
  };
  const data: { row: number; cells: Cell[] }[] = [];
  for (let i = layout.firstData; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i]!;
    const row = sheet.rowNumbers[i]!;
    if (cells.every((c) => cellText(c).trim() === '')) continue;
    if (cells.some((c) => typeof c === 'string' && TOTALS.test(c))) {
      skipped.push({ row, reason: 'строка итогов' });
      continue;
    }
    data.push({ row, cells });
  }
  const mappingProblem =
    source.target === 'organizations'
      ? mapping.some((m) => m.field === 'orgFullName')
        ? null
        : 'Укажите, в каком столбце наименование организации.'
      : choosePersonMapping(mapping);
  let indexes: RegistryIndexes | undefined;
  if (mappingProblem === null) {
    if (source.target === 'organizations') planOrganizations(db, data, mapping, lines, rows);
    else indexes = planPeople(db, data, mapping, source, lines, rows);
  }
  const count = (outcome: ImportLine['outcome']) => lines.filter((l) => l.outcome === outcome).length;
  return {
    preview: { ...base, lines, skipped, matched: count('match'), added: count('new'), rejected: count('rejected'), mappingProblem },
    rows,
    signature: layout.signature,
    ...(indexes ? { indexes } : {}),
  };
}

function planPeople(
  db: AppDb,
  data: { row: number; cells: Cell[] }[],
  mapping: MappingEntry[],
  source: ImportSource,
  lines: ImportLine[],
  rows: PlannedRow[],
): RegistryIndexes {
  const registered = new Map<number, number>();
  if (source.target === 'participants') {
    const event = db.select({ audience: events.audience }).from(events).where(eq(events.id, source.eventId!)).get();
    if (!event) throw conflict('Мероприятие не найдено: возможно, его удалили.');
    if (event.audience === 'population') {
      throw invalid('Это мероприятие для населения: участников по именам не записывают, только число пришедших по категориям.');
    }
    for (const p of db
      .select({ personId: eventParticipants.personId, number: eventParticipants.registrationNumber })
      .from(eventParticipants)
      .where(eq(eventParticipants.eventId, source.eventId!))
      .all())
      registered.set(p.personId, p.number);
  }
  const indexes = indexesOf(db);
  const { orgs, byName, possibleDuplicates } = indexes;
  const orgNames = organizationNames(orgs);
  const seen = new Map<string, number>();
  // A district's list names the same few organisations on every row: each name's key is computed once.
  const orgKeys = new Map<string, string>();
  const orgKey = (text: string) => {
    let key = orgKeys.get(text);
    if (key === undefined) orgKeys.set(text, (key = nameMatchKey(text)));
    return key;
  };
  for (const { row, cells } of data) {
    const r = readerOf(cells, mapping);
    const name = mapping.some((m) => m.field === 'fullName')
      ? splitFullName(r.text('fullName'))
      : { lastName: r.text('lastName'), firstName: r.text('firstName'), middleName: r.text('middleName') };
    const orgText = r.text('organization');
    const label = [personFullName(name), orgText].filter(Boolean).join(', ');
    if (!name.lastName || !name.firstName) {
      lines.push(reject(row, label || '—', 'нет фамилии или имени'));
      continue;
    }
    if (isInitial(name.firstName) || name.middleName.split(' ').some(isInitial)) {
      lines.push(reject(row, label, 'имя или отчество указаны инициалами: нужны полностью, чтобы найти человека в реестре'));
      continue;
    }
    const key = nameMatchKey(name.lastName, name.firstName, name.middleName);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      lines.push(reject(row, label, `тот же человек, что в строке ${earlier}`));
      continue;
    }
    seen.set(key, row);
    const orgFound = orgText ? (orgs.get(orgKey(orgText)) ?? []) : [];
    const organizationId = orgFound.length === 1 ? orgFound[0]!.id : null;
    let candidates = byName.get(key) ?? [];
    if (candidates.length > 1 && organizationId !== null) candidates = candidates.filter((c) => c.organizationId === organizationId);
    if (candidates.length > 1) {
      lines.push(reject(row, label, `в реестре ${candidates.length} человека с таким именем — добавьте участника вручную, выбрав нужного`));
      continue;
    }
    const found = candidates[0];
    if (found) {
      const number = registered.get(found.id);
      if (number !== undefined) {
        lines.push(reject(row, label, `уже в списке участников (№ ${number})`));
        continue;
      }
      const where = found.organizationId !== null ? orgNames.get(found.organizationId) : undefined;
      lines.push({ row, outcome: 'match', label, text: `совпадает с ${personFullName(found)}${where ? `, ${where}` : ''}` });
      rows.push({ row, kind: 'person', personId: found.id });
      continue;
    }
    const date = readDate(r.get('pdConsentDate'));
    if (date.kind === 'bad') {
      lines.push(reject(row, label, `дата согласия «${date.text}» не читается как дата`));
      continue;
    }
    const parsed = personInput.safeParse({
      ...name,
      position: r.text('position'),
      organizationId,
      phone: readPhone(r.get('phone')),
      email: r.text('email'),
      pdConsent: date.kind === 'date',
      pdConsentDate: date.kind === 'date' ? date.iso : null,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path[0] as ImportField | undefined;
      lines.push(
        reject(
          row,
          label,
          `${field && field in IMPORT_FIELD_LABELS ? `${IMPORT_FIELD_LABELS[field]}: ` : ''}${issue.message.replace(/\.$/, '')}`,
        ),
      );
      continue;
    }
    const orgNote = !orgText
      ? ''
      : orgFound.length === 1
        ? `, ${orgFound[0]!.name}`
        : orgFound.length > 1
          ? `; в реестре несколько организаций «${orgText}» — место работы не указано`
          : `; организации «${orgText}» нет в реестре — место работы не указано`;
    // Not the same name, but maybe the same person (no patronymic, a surname changed): said, not decided — the registry's «Дубликаты» merges.
    const maybe = possibleDuplicates.find(
      { ...parsed.data, organizationName: organizationId === null ? null : (orgNames.get(organizationId) ?? null) },
      NAMED_DUPLICATES + 1,
    );
    const named = maybe.slice(0, NAMED_DUPLICATES).map((m) => `${m.label} — ${m.reason}`);
    if (maybe.length > NAMED_DUPLICATES) named.push('другими (все — в «Дубликатах» реестра)');
    const maybeNote = named.length ? `; возможно, совпадает с ${named.join('; или с ')}` : '';
    lines.push({ row, outcome: 'new', label, text: `новый человек${orgNote}${maybeNote}` });
    rows.push({ row, kind: 'newPerson', person: parsed.data, nameKey: key });
  }
  return indexes;
}

/** A type from its label or its first word («Образовательная…», «Полиция»), or read from the name. */
function organizationTypeOf(typeText: string, name: string): OrganizationType {
  const folded = nameMatchKey(typeText);
  if (folded) {
    const byLabel = ORGANIZATION_TYPES.find((t) => nameMatchKey(ORGANIZATION_TYPE_LABELS[t]).startsWith(folded.split(' ')[0]!));
    if (byLabel) return byLabel;
  }
  const n = nameMatchKey(name);
  if (words(/\bопек/).test(n)) return 'guardianship';
  if (words(/\b(школ|сош|оош|гимназ|лице|детск сад|доу|мбоу|мадоу|мбдоу|колледж|техникум|образован)/).test(n)) return 'education';
  if (words(/\bкдн\b|комиссия по делам несовершеннолетних/).test(n)) return 'juvenileCommission';
  if (words(/\b(пдн|мвд|полици|омвд)/).test(n)) return 'police';
  if (words(/\b(социальн|соцзащит|кцсон|цсон)/).test(n)) return 'socialProtection';
  if (words(/\b(больниц|поликлиник|црб|гбуз|здравоохран)/).test(n)) return 'healthcare';
  if (words(/\b(администрац)/).test(n)) return 'administration';
  if (words(/\b(ано|некоммерческ|фонд|общественн)/).test(n)) return 'ngo';
  return 'other';
}

function planOrganizations(
  db: AppDb,
  data: { row: number; cells: Cell[] }[],
  mapping: MappingEntry[],
  lines: ImportLine[],
  rows: PlannedRow[],
) {
  const orgs = organizationIndex(db);
  /** A municipality by its words in any order: «Моршанский район» = «район Моршанский». */
  const wordsKey = (text: string) => nameMatchKey(text).split(' ').sort().join(' ');
  const places = new Map<string, number>();
  for (const m of db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).all())
    places.set(wordsKey(m.name), m.id);
  const seen = new Map<string, number>();
  for (const { row, cells } of data) {
    const r = readerOf(cells, mapping);
    const fullName = r.text('orgFullName');
    const shortName = r.text('orgShortName');
    const label = shortName || fullName || '—';
    if (!fullName) {
      lines.push(reject(row, label, 'нет наименования организации'));
      continue;
    }
    const keys = [nameMatchKey(fullName), shortName ? nameMatchKey(shortName) : ''].filter(Boolean);
    const earlier = keys.map((k) => seen.get(k)).find((n) => n !== undefined);
    if (earlier !== undefined) {
      lines.push(reject(row, label, `та же организация, что в строке ${earlier}`));
      continue;
    }
    for (const k of keys) seen.set(k, row);
    const found = [...new Map(keys.flatMap((k) => orgs.get(k) ?? []).map((o) => [o.id, o])).values()];
    if (found.length > 1) {
      lines.push(reject(row, label, `в реестре ${found.length} организации с таким наименованием`));
      continue;
    }
    if (found[0]) {
      lines.push({ row, outcome: 'match', label, text: `совпадает с ${found[0].name}` });
      rows.push({ row, kind: 'organization', organizationId: found[0].id });
      continue;
    }
    const place = r.text('municipality');
    const municipalityId = place ? (places.get(wordsKey(place)) ?? null) : null;
    const type = organizationTypeOf(r.text('orgType'), fullName);
    const parsed = organizationInput.safeParse({
      fullName,
      shortName,
      type,
      municipalityId,
      address: r.text('address'),
      phone: readPhone(r.get('phone')),
      email: r.text('email'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      lines.push(reject(row, label, issue.message.replace(/\.$/, '')));
      continue;
    }
    const notes = [
      `тип «${ORGANIZATION_TYPE_LABELS[type]}»`,
      place && municipalityId === null ? `муниципального образования «${place}» нет в реестре — не указано` : '',
    ].filter(Boolean);
    lines.push({ row, outcome: 'new', label, text: `новая организация (${notes.join('; ')})` });
    rows.push({ row, kind: 'newOrganization', organization: parsed.data });
  }
}
