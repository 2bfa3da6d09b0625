import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appApi } from '@tests/unit/meetings/helpers';
import {
  convertBatch,
  fileBytes,
  flat,
  missingInOrder,
  overlappingLines,
  pageCount,
  pdfText,
  xmlParts,
} from '@tests/unit/documents/office';
import { png } from './png';

/**
 * The certificates' Word file read back from its XML and in LibreOffice: a landscape page per
 * certificate with 15 mm margins and no page numbers, every page alike — the logo, the center,
 * «СЕРТИФИКАТ участника», the name in the dative, the sentence, the number, the director's line,
 * «М.П.» — and nothing spilling onto a second page even with a title of 500 characters.
 */

let api: ReturnType<typeof appApi>;
const one = <T>(sql: string, ...params: unknown[]) => api.app.sqlite.prepare(sql).get(...params) as T;
const out = mkdtempSync(path.join(os.tmpdir(), 'rc-certificates-'));

beforeAll(async () => {
  api = appApi();
  await api.call('app.initialize', { mode: 'demo' });
});
afterAll(() => api.cleanup());

const LONG_TITLE =
  `Семинар «${'Межведомственное взаимодействие органов и учреждений системы профилактики безнадзорности '.repeat(6)}`.slice(0, 499) + '»';

async function longEvent(names: [string, string, string][]) {
  const typeId = one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' AND value = 'Семинар'`).id;
  const e = await api.call('events.create', {
    typeId,
    centerRole: 'organizer',
    title: LONG_TITLE,
    level: 'regional',
    firstDay: '2019-09-30',
    lastDay: '2019-10-02',
    hours: 24,
  });
  const ids: number[] = [];
  for (const [lastName, firstName, middleName] of names)
    ids.push((await api.call('people.create', { lastName, firstName, middleName })).id);
  await api.call('participants.add', { eventId: e.id, personIds: ids });
  let detail = await api.call('events.get', { id: e.id });
  for (const s of detail.sessions)
    detail = await api.call('marks.set', {
      sessionId: s.id,
      marks: detail.participants.map((p) => ({ participantId: p.id, mark: 'present' as const })),
    });
  await api.call('events.setStatus', { id: e.id, status: 'held' });
  return detail;
}

describe('the certificates file', () => {
  it('prints a page per certificate, alike, with nothing on a second page, in LibreOffice', async () => {
    const { putFile } = await import('@main/services/files');
    const dir = api.app.env.dataDir;
    writeFileSync(path.join(dir, 'logo.png'), png(60, 30));
    const logo = await putFile(api.app.db, dir, path.join(dir, 'logo.png'), { originalName: 'Логотип.png' });
    const layout = await api.call('certificates.layout', {});
    await api.call('certificates.setLayout', { settings: { ...layout.settings, logoWidthMm: 30 }, logoHash: logo.hash });

    const detail = await longEvent([
      ['Семёнова', 'Ольга', 'Ивановна'],
      ['Шевченко', 'Алексей', 'Ильич'],
      ['Иванова-Петрова', 'Анна', 'Викторовна'],
    ]);
    const issued = await api.call('certificates.issue', { eventId: detail.id, participantIds: detail.participants.map((p) => p.id) });
    // Alphabetical: the stack the director signs is sorted.
    expect(issued.issued.map((c) => c.fullName)).toEqual([
      'Иванова-Петрова Анна Викторовна',
      'Семёнова Ольга Ивановна',
      'Шевченко Алексей Ильич',
    ]);
    const demo = (await api.call('certificates.list', { year: 2018, sort: 'number', dir: 'asc', limit: 100 })).rows;
    const ids = [...issued.issued.map((c) => c.id), ...demo.map((r) => r.id)];
    const file = await api.call('certificates.docx', { ids });

    const xml = await xmlParts(Buffer.from(file.base64, 'base64'));
    const document = xml.get('word/document.xml')!;
    expect(document).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    expect(document).toMatch(/<w:pgMar w:top="850" w:right="850" w:bottom="850" w:left="850"/);
    expect([...xml.entries()].filter(([name]) => name.startsWith('word/header')).some(([, x]) => /PAGE/.test(x))).toBe(false);
    expect(document.match(/<w:drawing>/g)).toHaveLength(3); // the demo's certificates were issued before the logo
    expect(xml.get('word/_rels/document.xml.rels')).toMatch(/relationships\/image" Target="media\//);
    expect(document).not.toMatch(/удостоверени/i);

    const pdf = convertBatch(out, [fileBytes(file)]).get(file.fileName)!.pdf;
    expect(pageCount(pdf)).toBe(ids.length);
    expect(overlappingLines(pdf)).toEqual([]);
    const dative = ['Ивановой-Петровой Анне Викторовне', 'Семёновой Ольге Ивановне', 'Шевченко Алексею Ильичу'];
    for (const [i, c] of issued.issued.entries()) {
      const page = flat(pdfText(pdf, { page: i + 1 }));
      expect(
        missingInOrder(page, [
          layout.settings.centerName.slice(0, 40),
          'СЕРТИФИКАТ',
          'участника',
          'Настоящий сертификат выдан',
          dative[i]!,
          'в том, что',
          'участие в мероприятии «Семинар „Межведомственное',
          '30 сентября – 2 октября 2019 года в объёме 24 часов.',
          `№ ${c.numberLabel} от`,
          'Директор',
          'М.П.',
        ]),
        `page ${i + 1}`,
      ).toBeNull();
      // The signer's name stands at the right margin, on the position's line: pdftotext reads that column last.
      expect(page).toContain('____________ А.Я. Гоберкорн');
    }
    for (const [i, r] of demo.entries())
      expect(flat(pdfText(pdf, { page: issued.issued.length + i + 1 }))).toContain(`№ ${r.numberLabel} от 18.10.2018`);
    // For a look: pdftoppm -png -r 60 -f 1 -l 1 <pdf> page (printed when the test runs under DEBUG).
    if (process.env.DEBUG_CERTIFICATES) console.log(pdf);
  }, 120_000);

  it('refuses a certificate that would not fit on one page, issuing none', async () => {
    const layout = await api.call('certificates.layout', {});
    await api.call('certificates.setLayout', {
      settings: {
        ...layout.settings,
        text: `${layout.settings.text} ${'Программа семинара включала лекции, тренинги и разбор случаев. '.repeat(8)}`.slice(0, 600),
      },
      logoHash: layout.logo?.hash ?? null,
    });
    const detail = await longEvent([['Ким', 'Ли', 'Сергеевич']]);
    const before = one<{ n: number }>('SELECT count(*) AS n FROM certificates').n;
    const error = await api.refusal('certificates.issue', { eventId: detail.id, participantIds: [detail.participants[0]!.id] });
    expect(error.message).toMatch(/^Сертификат для Ким Ли Сергеевич не помещается на одну страницу/);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM certificates').n).toBe(before);
  });
});
