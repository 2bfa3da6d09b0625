import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '@main/services/app/demo';
import { getReport, createReport } from '@main/services/reports/reports';
import { freshApi, type Api } from '@tests/unit/meetings/helpers';
import { hashTables } from '@tests/unit/foundation/tables';
import { forWebsite, newsPublished } from '@main/services/news/news';
import { getItem } from '@main/services/workPlan';
import type { NewsView } from '@shared/contract/news';
import { documentCatalog } from '@main/services/exchange/catalog';
import { exportKinds } from '@main/services/exchange/export';
import { formatDate } from '@shared/russian';

/** The demo's held meetings and events: the news items a center writes after them. */
let api: Api;
beforeEach(() => {
  api = freshApi();
  seedDemo(api.db);
  // The demo drafts news items of its own (electron/services/news/demo.ts): each test here writes its own from the start.
  api.sqlite.prepare('DELETE FROM news_items').run();
});
afterEach(() => api.cleanup());

const one = <T>(sql: string, ...params: unknown[]) => api.sqlite.prepare(sql).get(...params) as T;
const paragraph = (view: NewsView | null, key: string) => view!.paragraphs.find((p) => p.key === key)!;
const reads = (view: NewsView | null, key: string) =>
  paragraph(view, key)
    .pieces.map((p) => p.text)
    .join('');

/** The demo's held three-day seminar, with its participants and sessions. */
const seminarId = () => one<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Семинар для специалистов%'`).id;

describe('a news item kept with its event', () => {
  it('keeps an edited paragraph when drafted again, follows the record in the others, and marks what changed', async () => {
    const eventId = seminarId();
    const { id } = await api.call('news.draft', { kind: 'event', recordId: eventId });
    const first = await api.call('news.get', { kind: 'event', recordId: eventId });
    expect(first!.changed).toBe(0);
    const participantsBefore = reads(first, 'participants');
    expect(participantsBefore).toMatch(/^В работе семинара приняли? участие \d+ специалист/);

    // She rewrites the opening around the date; the participants' paragraph she leaves as drafted.
    await api.call('news.saveParagraph', { id, key: 'opening', text: '{{Дата}} центр провёл семинар для специалистов.' });
    const edited = await api.call('news.get', { kind: 'event', recordId: eventId });
    expect(paragraph(edited, 'opening').edited).toBe(true);
    expect(paragraph(edited, 'participants').edited).toBe(false);

    // One more specialist came: the count changes under both paragraphs.
    const person = await api.call('people.create', {
      lastName: 'Новикова',
      firstName: 'Вера',
      middleName: 'Андреевна',
      position: 'Психолог',
    });
    await api.call('participants.add', { eventId, personIds: [person.id] });
    const participant = one<{ id: number }>('SELECT id FROM event_participants WHERE event_id = ? AND person_id = ?', eventId, person.id);
    await api.call('participants.update', { id: participant.id, role: 'participant', status: 'attended' });
    await api.call('news.regenerate', { id });
    const again = await api.call('news.get', { kind: 'event', recordId: eventId });
    const date = first!.facts.find((f) => f.key === 'Дата')!.text;
    expect(date).toBe('16–18 октября 2018 года');
    expect(reads(again, 'opening')).toBe(`${date} центр провёл семинар для специалистов.`);
    expect(reads(again, 'participants')).not.toBe(participantsBefore);
    // The regenerated paragraph still remembers the count she saw: the change is marked for her.
    const marked = again!.paragraphs.flatMap((p) =>
      p.pieces.filter((x) => x.kind === 'figure' && x.changed).map((x) => x.kind === 'figure' && x.key),
    );
    expect(marked).toContain('Участники');
    expect(again!.changed).toBeGreaterThan(0);

    // Publishing waits until she has reread it; saving the paragraph as it stands confirms it.
    expect((await api.refusal('news.publish', { id, publishedOn: '2018-10-20' })).message).toMatch(
      /^Факты изменились после правки текста в абзацах: «Участники»/,
    );
    await api.call('news.saveParagraph', { id, key: 'participants', text: paragraph(again, 'participants').text });
    const confirmed = await api.call('news.get', { kind: 'event', recordId: eventId });
    expect(confirmed!.changed).toBe(0);
    // A paragraph saved unchanged is still the draft's own: drafting again may rewrite it.
    expect(paragraph(confirmed, 'participants').edited).toBe(false);

    expect((await api.refusal('news.publish', { id, publishedOn: '2018-10-01' })).fields?.publishedOn).toBe(
      'Дата публикации раньше дня проведения (16.10.2018)',
    );
    await api.call('news.publish', { id, publishedOn: '2018-10-20' });
    const published = await api.call('news.get', { kind: 'event', recordId: eventId });
    expect(published!.status).toBe('published');
    // As it went out: a later change of the event does not reach it, and no edit is taken.
    await api.call('participants.update', { id: participant.id, role: 'participant', status: 'registered' });
    expect((await api.call('news.get', { kind: 'event', recordId: eventId }))!.plain).toBe(published!.plain);
    const before = JSON.stringify(hashTables(api.sqlite));
    expect((await api.refusal('news.saveParagraph', { id, key: 'opening', text: 'Другое' })).message).toBe(
      'Новость опубликована 20.10.2018: менять текст нельзя.',
    );
    expect(JSON.stringify(hashTables(api.sqlite))).toBe(before);
  });

  it('refuses a field naming no fact, and a second draft of the same event, changing nothing', async () => {
    const eventId = seminarId();
    const { id } = await api.call('news.draft', { kind: 'event', recordId: eventId });
    const before = JSON.stringify(hashTables(api.sqlite));
    const typo = await api.refusal('news.saveParagraph', { id, key: 'opening', text: '{{Дта}} прошёл семинар.' });
    expect(typo.message).toBe(
      'В тексте есть поле, которого в новости нет: {{Дта}}. Вставьте поле из списка фактов или уберите фигурные скобки.',
    );
    expect((await api.refusal('news.draft', { kind: 'event', recordId: eventId })).message).toBe(
      'Новость по этому мероприятию уже есть: откройте её.',
    );
    expect((await api.refusal('news.saveParagraph', { id, key: 'nothing', text: 'Текст' })).message).toBe('Такого абзаца в новости нет');
    expect(JSON.stringify(hashTables(api.sqlite))).toBe(before);
  });

  it('is deleted with an undo that brings it back as it was', async () => {
    const eventId = seminarId();
    const { id } = await api.call('news.draft', { kind: 'event', recordId: eventId });
    await api.call('news.saveParagraph', { id, key: 'opening', text: '{{Дата}} прошёл семинар.' });
    const row = () => api.sqlite.prepare('SELECT * FROM news_items WHERE id = ?').get(id);
    const before = row();
    await api.call('news.delete', { id });
    expect(await api.call('news.get', { kind: 'event', recordId: eventId })).toBeNull();
    const undo = one<{ id: number }>('SELECT id FROM undo_journal ORDER BY id DESC LIMIT 1');
    await api.call('undo.apply', { id: undo.id });
    expect(row()).toEqual(before);
    expect(reads(await api.call('news.get', { kind: 'event', recordId: eventId }), 'opening')).toMatch(/ прошёл семинар\.$/);
  });
});

describe('the text for the website', () => {
  it('escapes every character of the text in the HTML and keeps the plain text as typed', () => {
    const copy = forWebsite([
      { key: 'headline', text: 'Семинар «Дети & семья»' },
      { key: 'opening', text: 'Тема: <script>alert("1")</script> и \'кавычки\'' },
      { key: 'empty', text: '' },
    ]);
    expect(copy.html).toBe(
      '<h2>Семинар «Дети &amp; семья»</h2>\n<p>Тема: &lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; и &#39;кавычки&#39;</p>',
    );
    expect(copy.plain).toBe('Семинар «Дети & семья»\n\nТема: <script>alert("1")</script> и \'кавычки\'');
  });

  it('is saved as Word with the headline and the paragraphs as they read', async () => {
    const eventId = seminarId();
    const { id } = await api.call('news.draft', { kind: 'event', recordId: eventId });
    const view = await api.call('news.get', { kind: 'event', recordId: eventId });
    const file = await api.call('news.exportDocx', { id });
    expect(file.fileName).toMatch(/^Новость Семинар .*\.docx$/);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(file.base64, 'base64') })).value.replace(/\u00A0/g, ' ');
    expect(text.split('\n').filter(Boolean)).toEqual(view!.plain.split('\n\n').map((p) => p.replace(/\u00A0/g, ' ')));
  });
});

describe('the list of news items, the print view and the export', () => {
  it('lists every item with what it tells of, its state, its day of publication and its plan item; filters by year and state', async () => {
    const meetings = api.sqlite
      .prepare(`SELECT id, date_start AS day FROM meetings WHERE status IN ('held', 'signed') ORDER BY date_start LIMIT 2`)
      .all() as { id: number; day: string }[];
    const eventId = seminarId();
    const seminar = one<{ day: string }>('SELECT first_day AS day FROM events WHERE id = ?', eventId);
    const first = await api.call('news.draft', { kind: 'meeting', recordId: meetings[0]!.id });
    const yearOfFirst = Number(meetings[0]!.day.slice(0, 4));
    const item = one<{ id: number; title: string }>(
      `SELECT i.id, i.title FROM plan_items i JOIN work_plans p ON p.id = i.plan_id WHERE p.year = ? AND i.direction = 'informational' ORDER BY i.id LIMIT 1`,
      yearOfFirst,
    );
    await api.call('news.publish', { id: first.id, publishedOn: meetings[0]!.day, planItemId: item.id });
    const second = await api.call('news.draft', { kind: 'meeting', recordId: meetings[1]!.id });
    const third = await api.call('news.draft', { kind: 'event', recordId: eventId });

    const all = await api.call('news.list', {});
    expect(all.rows.map((r) => r.id)).toEqual(
      [
        { id: first.id, day: meetings[0]!.day },
        { id: second.id, day: meetings[1]!.day },
        { id: third.id, day: seminar.day },
      ]
        .sort((a, b) => b.day.localeCompare(a.day) || b.id - a.id)
        .map((r) => r.id),
    );
    const published = all.rows.find((r) => r.id === first.id)!;
    const view = await api.call('news.get', { kind: 'meeting', recordId: meetings[0]!.id });
    expect(published).toEqual({
      id: first.id,
      kind: 'meeting',
      recordId: meetings[0]!.id,
      day: meetings[0]!.day,
      source: expect.stringMatching(/^заседание №\d+ от \d\d\.\d\d\.\d{4}, .+/),
      status: 'published',
      publishedOn: meetings[0]!.day,
      headline: view!.paragraphs.find((p) => p.key === 'headline')!.text,
      planItem: { id: item.id, title: item.title, year: yearOfFirst },
    });
    expect(all.rows.find((r) => r.id === third.id)).toMatchObject({
      kind: 'event',
      status: 'draft',
      publishedOn: null,
      headline: null,
      planItem: null,
      source: expect.stringMatching(/^семинар, .+: «Семинар для специалистов/),
    });
    expect(all.years).toEqual(
      [...new Set([meetings[0]!.day, meetings[1]!.day, seminar.day].map((d) => Number(d.slice(0, 4))))].sort((a, b) => b - a),
    );

    const drafts = await api.call('news.list', { status: 'draft' });
    expect(drafts.rows.map((r) => r.id).sort()).toEqual([second.id, third.id].sort());
    const ofYear = await api.call('news.list', { year: yearOfFirst, status: 'published' });
    expect(ofYear.rows.map((r) => r.id)).toEqual([first.id]);
    expect(ofYear.years).toEqual(all.years);
  });

  it('prints the blocks of the Word file, and goes out with the export of its year only once published', async () => {
    const meeting = one<{ id: number; day: string }>(
      `SELECT id, date_start AS day FROM meetings WHERE status IN ('held', 'signed') ORDER BY date_start LIMIT 1`,
    );
    const year = Number(meeting.day.slice(0, 4));
    const { id } = await api.call('news.draft', { kind: 'meeting', recordId: meeting.id });
    const draftSpec = await api.call('news.documentView', { id });
    expect(draftSpec.fileName).toMatch(/^Новость /);
    expect(draftSpec.blocks[0]).toMatchObject({ kind: 'line', bold: true, heading: true });
    expect(exportKinds().map((k) => k.id)).toContain('news');
    expect(await documentCatalog.news.build(api.db, year)).toEqual([]);

    await api.call('news.publish', { id, publishedOn: meeting.day });
    const spec = await api.call('news.documentView', { id });
    // The day it went out leads the name (a long headline is cut at a word to make room).
    expect(spec.fileName.startsWith(`Новость от ${formatDate(meeting.day)} Заседание`)).toBe(true);
    expect(spec.blocks).toEqual(draftSpec.blocks);
    const files = await documentCatalog.news.build(api.db, year);
    expect(files.map((f) => f.fileName)).toEqual([`${spec.fileName}.docx`]);
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(files[0]!.base64, 'base64') })).value;
    const view = await api.call('news.get', { kind: 'meeting', recordId: meeting.id });
    // The Word file is typeset (dashes, no-break spaces): its words are the published text's.
    const words = (t: string) => t.match(/[\p{L}\p{N}]+/gu)!.join(' ');
    expect(words(text)).toContain(words(view!.paragraphs[1]!.text));
    expect(await documentCatalog.news.build(api.db, year + 1)).toEqual([]);
  });
});

describe('the report counts the year’s published news items', () => {
  it('in its informational figures and the paragraph before the publications', async () => {
    const meetings = api.sqlite
      .prepare(
        `SELECT id, date_start AS day FROM meetings WHERE status IN ('held', 'signed') AND date_start LIKE '2017%' ORDER BY date_start LIMIT 2`,
      )
      .all() as { id: number; day: string }[];
    expect(meetings).toHaveLength(2);
    // One published in 2017, one still a draft: only the first counts.
    const published = await api.call('news.draft', { kind: 'meeting', recordId: meetings[0]!.id });
    await api.call('news.publish', { id: published.id, publishedOn: meetings[0]!.day });
    await api.call('news.draft', { kind: 'meeting', recordId: meetings[1]!.id });
    createReport(api.db, { year: 2017, quarter: null }, '2018-01-20');
    const report = await getReport(api.db, { year: 2017, quarter: null }, '2018-01-20');
    expect(report!.figures).toContainEqual({ key: 'Новости на сайте', text: 'опубликована 1 новость' });
    expect(
      report!.paragraphs
        .find((p) => p.key === 'publications')!
        .pieces.map((p) => p.text)
        .join(''),
    ).toMatch(/^На сайте опубликована 1 новость о заседаниях и мероприятиях\. За 2017 год было выпущено/);
  });
});

describe('publishing as the realisation of a plan item', () => {
  it('counts toward an informational item «в течение года» without closing it, closes one of a fixed term, refuses another direction', async () => {
    const eventId = seminarId();
    const yearly = one<{ id: number }>(
      `SELECT i.id FROM plan_items i JOIN work_plans p ON p.id = i.plan_id WHERE p.year = 2018 AND i.direction = 'informational' AND i.term_kind = 'year' ORDER BY i.id LIMIT 1`,
    ).id;
    const educational = one<{ id: number }>(
      `SELECT i.id FROM plan_items i JOIN work_plans p ON p.id = i.plan_id WHERE p.year = 2018 AND i.direction = 'educational' ORDER BY i.id LIMIT 1`,
    ).id;
    const { id } = await api.call('news.draft', { kind: 'event', recordId: eventId });
    const candidates = await api.call('news.planCandidates', { year: 2018 });
    expect(candidates.map((c) => c.id)).toContain(yearly);
    expect(candidates.every((c) => c.direction === 'informational')).toBe(true);

    const before = JSON.stringify(hashTables(api.sqlite));
    const wrong = await api.refusal('news.publish', { id, publishedOn: '2018-10-20', planItemId: educational });
    expect(wrong.fields?.planItemId).toBe('Новость реализует только мероприятие информационно-аналитической деятельности.');
    const lastYear = one<{ id: number }>(
      `SELECT i.id FROM plan_items i JOIN work_plans p ON p.id = i.plan_id WHERE p.year = 2017 AND i.direction = 'informational' ORDER BY i.id LIMIT 1`,
    ).id;
    expect((await api.refusal('news.publish', { id, publishedOn: '2018-10-20', planItemId: lastYear })).fields?.planItemId).toBe(
      'Новость опубликована в 2018 году: выберите мероприятие плана на 2018 год.',
    );
    expect(JSON.stringify(hashTables(api.sqlite))).toBe(before);

    await api.call('news.publish', { id, publishedOn: '2018-10-20', planItemId: yearly });
    const item = getItem(api.db, { id: yearly });
    expect(item.status).toBe('planned');
    expect(item.realisations).toContainEqual({
      kind: 'newsItem',
      id,
      label: 'новость на сайте от 20.10.2018',
      date: '2018-10-20',
      final: true,
      newsOf: { kind: 'event', recordId: eventId },
    });
    expect((await api.call('news.get', { kind: 'event', recordId: eventId }))!.planItem?.id).toBe(yearly);

    // An item of a fixed term is done once its news item is published.
    const meeting = one<{ id: number; day: string }>(
      `SELECT id, date_start AS day FROM meetings WHERE status IN ('held', 'signed') ORDER BY date_start DESC LIMIT 1`,
    );
    const meetingYear = Number(meeting.day.slice(0, 4));
    const { values } = await api.call('lists.get', { list: 'planForms' });
    const fixed = await api.call('workPlan.createItem', {
      year: meetingYear,
      direction: 'informational',
      title: 'Новость о заседании рабочей группы на сайте центра',
      formId: values[0]!.id,
      term: { kind: 'month', month: 12 },
    });
    const news = await api.call('news.draft', { kind: 'meeting', recordId: meeting.id });
    expect(getItem(api.db, { id: fixed.id }).status).toBe('planned');
    await api.call('news.publish', { id: news.id, publishedOn: meeting.day, planItemId: fixed.id });
    expect(getItem(api.db, { id: fixed.id }).status).toBe('done');
  });

  it('is returned to draft in one step: the plan item no longer counts it, her text stays, publishing again asks anew', async () => {
    const meeting = one<{ id: number; day: string }>(
      `SELECT id, date_start AS day FROM meetings WHERE status IN ('held', 'signed') ORDER BY date_start DESC LIMIT 1`,
    );
    const year = Number(meeting.day.slice(0, 4));
    const { values } = await api.call('lists.get', { list: 'planForms' });
    const fixed = await api.call('workPlan.createItem', {
      year,
      direction: 'informational',
      title: 'Новость о заседании рабочей группы на сайте центра',
      formId: values[0]!.id,
      term: { kind: 'month', month: 12 },
    });
    const { id } = await api.call('news.draft', { kind: 'meeting', recordId: meeting.id });
    await api.call('news.saveParagraph', { id, key: 'opening', text: 'В Уварово прошло {{Дата}} заседание рабочей группы.' });
    const draft = await api.call('news.get', { kind: 'meeting', recordId: meeting.id });

    // Nothing to take back from a draft: refused, nothing changed.
    const untouched = JSON.stringify(hashTables(api.sqlite));
    expect((await api.refusal('news.unpublish', { id })).message).toBe('Новость ещё не опубликована: снимать с публикации нечего.');
    expect(JSON.stringify(hashTables(api.sqlite))).toBe(untouched);

    const period = { from: `${year}-01-01`, to: `${year}-12-31` };
    const counted = newsPublished(api.db, period);
    await api.call('news.publish', { id, publishedOn: meeting.day, planItemId: fixed.id });
    expect(getItem(api.db, { id: fixed.id }).status).toBe('done');
    expect(newsPublished(api.db, period)).toBe(counted + 1);

    expect(await api.call('news.unpublish', { id })).toEqual({ id, status: 'draft', publishedOn: null });
    const item = getItem(api.db, { id: fixed.id });
    expect(item.status).toBe('planned');
    expect(item.realisations.filter((r) => r.kind === 'newsItem')).toEqual([]);
    expect(newsPublished(api.db, period)).toBe(counted);
    const back = await api.call('news.get', { kind: 'meeting', recordId: meeting.id });
    expect(back).toEqual(draft);

    // Published again, it may name the item again.
    await api.call('news.publish', { id, publishedOn: meeting.day, planItemId: fixed.id });
    expect(getItem(api.db, { id: fixed.id }).status).toBe('done');
  });
});
