import type { FileOutput } from '@shared/contract/define';
import { freshApi, type Api } from '@tests/unit/meetings/helpers';

/**
 * Every kind of document the application prints, generated from a data set: the demo data, or
 * the demo data with hostile text written straight into the database by SQL, the way an old
 * backup or a package would bring it (control characters, U+FFFE and U+FFFF, a byte sequence
 * that is not UTF-8, 5,000-character fields, ё, quotes of every kind).
 */

export const DOCUMENT_KINDS = [
  'minutes-full',
  'minutes-short',
  'agenda',
  'registration',
  'extract',
  'extract-addressed',
  'assignments-open',
  'assignments-all',
  'plan-approval',
  'plan-report',
  'plan-sheet',
  // events (issue 16)
  'event-registration',
  'event-attendance',
  'event-person-history',
  // publications (issue 21)
  'publications-stock',
  'publications-stock-sheet',
  'publications-statement',
  'publications-statement-sheet',
  // indicators (issue 20)
  'indicators-year',
  'indicators-year-sheet',
  // news items (issue 24): the demo's published one (a meeting's) and its draft (the seminar's)
  'news-published',
  'news-draft',
] as const;
export type DocumentKindName = (typeof DOCUMENT_KINDS)[number];

export interface GeneratedDocument {
  kind: DocumentKindName;
  /** Built from minutes not signed yet: must say «ПРОЕКТ» on every page. */
  draft: boolean;
  /** The meeting's number, for the documents of a meeting. */
  meeting: number | null;
  file: FileOutput;
}

const CONTROL = '\u0001\u0002\u0007\u0008\u000B\u000C\u000E\u001B\u001F';
const NONCHARACTERS = '\uFFFE\uFFFF';
export const QUOTES = '«ёлочки» „лапки“ “английские” "прямые" ‘одиночные’ \'апостроф\' ‹угловые› <тег> & амперсанд';
/** What a hostile text reads as in a document: the forbidden characters gone, everything else kept. */
export const hostile = (s: string) => `${s} ${QUOTES} ${CONTROL}${NONCHARACTERS}Ёжиков`;
export const hostileReads = (s: string) => `${s} ${QUOTES} Ёжиков`;
/** A field of about 5,000 characters of ordinary words, with hostile text at its start. */
export const long = (s: string) =>
  `${hostile(s)} ${'Межведомственное взаимодействие органов и учреждений системы профилактики. '.repeat(66)}`.slice(0, 5000);

function sql(api: Api, statement: string, ...params: unknown[]): void {
  api.sqlite.prepare(statement).run(...params);
}

/** The demo data with hostile text in every field a document prints; the signed minutes re-signed over it. */
async function injectHostileText(api: Api): Promise<void> {
  const meetings = (await api.call('meetings.list', { limit: 50 })).rows.sort((a, b) => a.number - b.number);
  // Signed minutes print from their frozen copy: unlock them, poison the records, sign again.
  for (const m of meetings.filter((x) => x.status === 'signed')) {
    await api.call('meetings.unlock', { id: m.id, reason: 'Проверка документов на недопустимых символах' });
  }
  // The center's names are its organisation's in the registry.
  sql(
    api,
    'UPDATE organizations SET full_name = ?, short_name = ? WHERE id = (SELECT organization_id FROM center_profile)',
    hostile('Центр'),
    hostile('ТОГБУ «Центр»'),
  );
  sql(api, 'UPDATE working_groups SET name = ?, name_genitive = ?', hostile('Рабочая группа'), hostile('рабочей группы'));
  const group = api.sqlite.prepare('SELECT chair_id AS chair, secretary_id AS secretary FROM working_groups').get() as {
    chair: number;
    secretary: number;
  };
  sql(
    api,
    'UPDATE people SET last_name = ?, position = ? WHERE id = ?',
    `Ёлкина-«Щ»${CONTROL}`,
    hostile('Председатель «комиссии»'),
    group.chair,
  );
  sql(api, 'UPDATE people SET position = ? WHERE id = ?', long('Методист'), group.secretary);
  sql(api, 'UPDATE organizations SET full_name = ? WHERE id = (SELECT min(id) FROM organizations)', long('Организация'));
  sql(api, 'UPDATE organizations SET short_name = ? WHERE id IN (SELECT organization_id FROM assignment_organizations)', hostile('Орг.'));
  const first = meetings[0]!.id;
  sql(
    api,
    'UPDATE agenda_items SET title = ?, heard_text = ? WHERE meeting_id = ? AND position = 1',
    hostile('О вопросе'),
    long('Слушали'),
    first,
  );
  sql(
    api,
    'UPDATE decisions SET text = ? WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE meeting_id = ?)',
    long('Решили'),
    first,
  );
  sql(api, 'UPDATE discussion_entries SET text = ?', hostile('Выступила'));
  sql(api, 'UPDATE plan_items SET title = ? WHERE id = (SELECT min(id) FROM plan_items)', long('Мероприятие'));
  // Not UTF-8 at all: an encoded surrogate, as a foreign tool may write it.
  sql(
    api,
    "UPDATE plan_items SET result_note = ?, target_audience = CAST(X'EDA080' AS TEXT) || ?",
    hostile('Выполнено'),
    hostile('Аудитория'),
  );
  // events (issue 16): the held seminar's title and a session's topic.
  sql(api, `UPDATE events SET title = ? WHERE title LIKE 'Семинар для специалистов органов%'`, hostile('Семинар'));
  sql(
    api,
    `UPDATE event_sessions SET topic = ? WHERE id = (SELECT min(s.id) FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE e.center_role = 'organizer')`,
    long('Тема'),
  );
  sql(api, 'UPDATE publications SET title = ? WHERE id = (SELECT min(id) FROM publications)', long('Памятка'));
  sql(api, "UPDATE list_values SET value = ? WHERE list = 'publicationKinds' AND value = 'Листовка'", hostile('Листовка'));
  sql(api, 'UPDATE municipalities SET name = ? WHERE id = (SELECT min(municipality_id) FROM organizations)', hostile('Муниципалитет'));
  // indicators (issue 20): an indicator's name and a group, in the table and the chart's text alternative.
  sql(api, "UPDATE list_values SET value = ? WHERE list = 'indicators' AND value = 'Случаи открыты'", hostile('Случаи открыты'));
  sql(api, "UPDATE indicator_definitions SET group_name = ? WHERE group_name = 'Замещающие семьи'", hostile('Замещающие семьи'));
  await api.call('meetings.sign', { id: first });
  // The plan approved again over the poisoned items: its frozen copy carries them.
  await api.call('workPlan.setApproval', { year: 2017, approvedOn: '2017-01-16' });
}

/** An assignment list as the screen gets it: issued (numbered, kept), then downloaded. */
async function issuedList(api: Api, organizationId: number, onlyOpen: boolean): Promise<FileOutput> {
  const issued = await api.call('assignments.issueList', { organizationId, onlyOpen });
  return api.call('assignments.issuedListDocx', { id: issued.id });
}

export async function demoApi(withHostileText: boolean): Promise<Api> {
  const api = freshApi();
  await api.call('app.initialize', { mode: 'demo' });
  if (withHostileText) await injectHostileText(api);
  return api;
}

/** Every document kind from the data set: each meeting's documents, extracts and lists from signed minutes, the plan's. */
export async function generateAll(api: Api): Promise<GeneratedDocument[]> {
  const docs: GeneratedDocument[] = [];
  const meetings = (await api.call('meetings.list', { limit: 50 })).rows.sort((a, b) => a.number - b.number);
  for (const row of meetings) {
    const m = await api.call('meetings.get', { id: row.id });
    const draft = m.status !== 'signed';
    const add = (kind: DocumentKindName, file: FileOutput) => docs.push({ kind, draft, meeting: m.number, file });
    add('minutes-full', await api.call('meetings.minutesDocx', { id: m.id, form: 'full' }));
    add('minutes-short', await api.call('meetings.minutesDocx', { id: m.id, form: 'short' }));
    add('agenda', await api.call('meetings.agendaDocx', { id: m.id }));
    add('registration', await api.call('meetings.registrationSheetDocx', { id: m.id }));
    if (draft) continue;
    add('extract', await api.call('meetings.extractDocx', { itemId: m.items[0]!.id }));
    const addressed = m.items.flatMap((i) =>
      i.decisions.flatMap((d) => (d.assignment?.organizations ?? []).map((o) => ({ item: i.id, org: o.id }))),
    );
    for (const a of addressed.slice(0, 2))
      add('extract-addressed', await api.call('meetings.extractDocx', { itemId: a.item, organizationId: a.org }));
  }
  const signed = await api.call('assignments.list', { state: null, limit: 500 });
  const org = signed.rows.find((r) => r.status === 'inProgress' && r.organizations.length > 0)!.organizations[0]!.id;
  docs.push({
    kind: 'assignments-open',
    draft: false,
    meeting: null,
    file: await issuedList(api, org, true),
  });
  docs.push({
    kind: 'assignments-all',
    draft: false,
    meeting: null,
    file: await issuedList(api, org, false),
  });
  docs.push({
    kind: 'plan-approval',
    draft: false,
    meeting: null,
    file: await api.call('workPlan.exportDocx', { year: 2017, doc: 'approval' }),
  });
  docs.push({
    kind: 'plan-report',
    draft: false,
    meeting: null,
    file: await api.call('workPlan.exportDocx', { year: 2017, doc: 'report' }),
  });
  docs.push({ kind: 'plan-sheet', draft: false, meeting: null, file: await api.call('workPlan.exportXlsx', { year: 2017 }) });
  // events (issue 16): the center's three-day seminar of 2018, its sheet for all days and its list.
  const seminar = (await api.call('events.list', { year: 2018, limit: 50 })).rows.find((r) => r.sessionCount === 3)!;
  docs.push({
    kind: 'event-registration',
    draft: false,
    meeting: null,
    file: await api.call('events.registrationDocx', { id: seminar.id, sessionId: null }),
  });
  docs.push({ kind: 'event-attendance', draft: false, meeting: null, file: await api.call('events.attendanceXlsx', { id: seminar.id }) });
  // The справка of the person with the longest history (staff who went to the 2017 events and to the seminar).
  const busiest = api.sqlite
    .prepare('SELECT person_id FROM event_participants GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 1')
    .pluck()
    .get() as number;
  docs.push({
    kind: 'event-person-history',
    draft: false,
    meeting: null,
    file: await api.call('events.personHistoryDocx', { personId: busiest }),
  });
  const onDate = { date: '2017-12-31', includeArchived: false };
  const year2017 = { from: '2017-01-01', to: '2017-12-31' };
  const add = (kind: DocumentKindName, file: FileOutput) => docs.push({ kind, draft: false, meeting: null, file });
  add('publications-stock', await api.call('publications.stockDocx', onDate));
  add('publications-stock-sheet', await api.call('publications.stockXlsx', onDate));
  add('publications-statement', await api.call('publications.statementDocx', year2017));
  add('publications-statement-sheet', await api.call('publications.statementXlsx', year2017));
  // indicators (issue 20): the year 2017 with the chart of the cases opened, 2014–2017.
  const catalogue = await api.call('indicators.catalogue', {});
  const opened = catalogue.find((i) => i.name.startsWith('Случаи открыты'))!.id;
  add('indicators-year', await api.call('indicators.yearDocx', { year: 2017, chartIndicatorId: opened }));
  add('indicators-year-sheet', await api.call('indicators.yearXlsx', { year: 2017, chartIndicatorId: opened }));
  // news items (issue 24): the Word file of the text as it went out, and of a draft read from its event now.
  const news = api.sqlite.prepare('SELECT id, status FROM news_items ORDER BY id').all() as { id: number; status: string }[];
  for (const n of news) add(n.status === 'published' ? 'news-published' : 'news-draft', await api.call('news.exportDocx', { id: n.id }));
  return docs;
}
