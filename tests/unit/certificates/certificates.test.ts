import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@shared/contract';
import { appApi, textOf } from '@tests/unit/meetings/helpers';
import { hashTables } from '@tests/unit/foundation/tables';
import { png } from './png';

/**
 * Certificates through the real dispatcher on the demo data: issued only to completers (the
 * events' completion SQL), numbered per year by the schema, frozen as printed, reissued under a
 * new number that annuls the old one. Every refusal leaves every table as it was.
 */

let api: ReturnType<typeof appApi>;
const one = <T>(sql: string, ...params: unknown[]) => api.app.sqlite.prepare(sql).get(...params) as T;
const all = <T>(sql: string, ...params: unknown[]) => api.app.sqlite.prepare(sql).all(...params) as T[];

beforeAll(async () => {
  api = appApi();
  await api.call('app.initialize', { mode: 'demo' });
});
afterAll(() => api.cleanup());

const typeId = () => one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' AND value = 'Семинар'`).id;
const seminarId = () => one<{ id: number }>(`SELECT id FROM events WHERE title LIKE 'Семинар для специалистов органов%'`).id;

async function refusedUnchanged<K extends Parameters<typeof api.refusal>[0]>(name: K, input: CallInput<K>) {
  const before = hashTables(api.app.sqlite);
  const error = await api.refusal(name, input);
  expect(hashTables(api.app.sqlite)).toEqual(before);
  return error;
}

/** A held two-day event of 2019 with the people given: `present[i]` = the days participant i came. */
async function heldEvent(people: { lastName: string; firstName: string; middleName?: string }[], present: number[][], percent = 100) {
  const e = await api.call('events.create', {
    typeId: typeId(),
    centerRole: 'organizer',
    title: 'Семинар «Профилактика жестокого обращения с детьми»',
    level: 'municipal',
    firstDay: '2019-03-11',
    lastDay: '2019-03-12',
    completionRule: 'share',
    completionPercent: percent,
    hours: 12,
  });
  const ids: number[] = [];
  for (const p of people) ids.push((await api.call('people.create', { middleName: '', ...p })).id);
  await api.call('participants.add', { eventId: e.id, personIds: ids });
  let detail = await api.call('events.get', { id: e.id });
  for (const [s, session] of detail.sessions.entries()) {
    detail = await api.call('marks.set', {
      sessionId: session.id,
      marks: detail.participants.map((p) => ({
        participantId: p.id,
        mark: present[ids.indexOf(p.personId)]!.includes(s) ? ('present' as const) : ('absent' as const),
      })),
    });
  }
  await api.call('events.setStatus', { id: e.id, status: 'held' });
  const participants = (await api.call('events.get', { id: e.id })).participants;
  const byName = (last: string) => participants.find((p) => p.fullName.startsWith(last))!.id;
  return { id: e.id, byName, personIds: ids };
}

describe('the demo seminar', () => {
  it('has certificates 2018-001 … for its completers only, numbered in the order of their names', async () => {
    const page = await api.call('certificates.list', { year: 2018, sort: 'number', dir: 'asc' });
    const candidates = await api.call('certificates.candidates', { eventId: seminarId() });
    const completers = candidates.candidates.filter((c) => c.state !== 'notCompleted');
    expect(page.rows.length).toBe(completers.length);
    expect(page.rows.map((r) => r.numberLabel)).toEqual(completers.map((_, i) => `2018-${String(i + 1).padStart(3, '0')}`));
    const names = page.rows.map((r) => r.fullName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
    // The ones who missed too much, the speaker and the organiser are listed with why.
    const not = candidates.candidates.filter((c) => c.state === 'notCompleted');
    expect(not.map((c) => c.reason)).toEqual(
      expect.arrayContaining(['1 из 3 занятий (нужно не менее 60 %)', 'роль — выступающий', 'роль — организатор']),
    );
  });
});

describe('issuing', () => {
  it('refuses the whole batch when anyone asked for did not complete, with their shortfall, and writes nothing', async () => {
    const e = await heldEvent(
      [
        { lastName: 'Семёнова', firstName: 'Ольга', middleName: 'Ивановна' },
        { lastName: 'Петров', firstName: 'Алексей', middleName: 'Сергеевич' },
      ],
      [[0, 1], [0]],
    );
    const error = await refusedUnchanged('certificates.issue', {
      eventId: e.id,
      participantIds: [e.byName('Семёнова'), e.byName('Петров')],
    });
    expect(error.message).toBe(
      'Сертификат выдаётся только завершившим обучение: Петров А.С. — 1 из 2 занятий (нужно не менее 100 %). Сертификаты не выданы никому.',
    );
    const issued = await api.call('certificates.issue', { eventId: e.id, participantIds: [e.byName('Семёнова')] });
    expect(issued.issued.map((c) => c.fullName)).toEqual(['Семёнова Ольга Ивановна']);
    expect(issued.issued[0]!.numberLabel).toMatch(/^\d{4}-001$/);
    // A second time she is skipped and named, not given a second valid certificate.
    expect(await api.call('certificates.issue', { eventId: e.id, participantIds: [e.byName('Семёнова')] })).toEqual({
      issued: [],
      alreadyIssued: [`Семёнова Ольга Ивановна (№ ${issued.issued[0]!.numberLabel})`],
    });
  });

  it('asks for the gender where the registry has none, saves the one chosen and declines by it', async () => {
    const e = await heldEvent(
      [
        { lastName: 'Ким', firstName: 'Ли' },
        { lastName: 'Дюбуа', firstName: 'Мари' },
      ],
      [
        [0, 1],
        [0, 1],
      ],
    );
    const ids = [e.byName('Ким'), e.byName('Дюбуа')];
    const error = await refusedUnchanged('certificates.issue', { eventId: e.id, participantIds: ids });
    expect(error.message).toBe('Укажите пол, чтобы правильно просклонять имя: Ким Ли, Дюбуа Мари. Сертификаты не выданы никому.');
    const [kim, dubois] = e.personIds as [number, number];
    const issued = await api.call('certificates.issue', {
      eventId: e.id,
      participantIds: ids,
      genders: { [kim]: 'female', [dubois]: 'female' },
    });
    expect(one<{ gender: string }>('SELECT gender FROM people WHERE id = ?', kim).gender).toBe('female');
    const text = await textOf(await api.call('certificates.docx', { ids: issued.issued.map((c) => c.id) }));
    expect(text).toContain('Настоящий сертификат выдан\n\nДюбуа Мари');
    expect(text).toContain(
      'Ким Ли\n\nв том, что она приняла участие в мероприятии «Семинар „Профилактика жестокого обращения с детьми“» 11–12 марта 2019 года в объёме 12 часов.',
    );
    expect(text).not.toMatch(/удостоверени/i);
  });

  it('refuses an event not held, and one the center only attended', async () => {
    const planned = await api.call('events.create', {
      typeId: typeId(),
      centerRole: 'organizer',
      title: 'Круглый стол',
      level: 'municipal',
      firstDay: '2019-05-14',
      lastDay: '2019-05-14',
    });
    await api.call('participants.add', { eventId: planned.id, personIds: [one<{ id: number }>('SELECT id FROM people LIMIT 1').id] });
    const p = (await api.call('events.get', { id: planned.id })).participants[0]!.id;
    expect((await refusedUnchanged('certificates.issue', { eventId: planned.id, participantIds: [p] })).message).toMatch(
      /^Сертификаты выдаются после проведения/,
    );
    const attended = one<{ id: number }>(`SELECT id FROM events WHERE center_role = 'participant' LIMIT 1`).id;
    const q = one<{ id: number }>('SELECT id FROM event_participants WHERE event_id = ? LIMIT 1', attended).id;
    expect((await refusedUnchanged('certificates.issue', { eventId: attended, participantIds: [q] })).message).toMatch(
      /сертификаты участникам выдаёт организатор/,
    );
  });
});

describe('the register', () => {
  it('keeps the certificate as printed: a corrected surname changes no issued certificate', async () => {
    const cert = (await api.call('certificates.list', { year: 2018, sort: 'number', dir: 'asc' })).rows[0]!;
    const personId = one<{ person_id: number }>('SELECT person_id FROM certificates WHERE id = ?', cert.id).person_id;
    const before = await textOf(await api.call('certificates.docx', { ids: [cert.id] }));
    const p = one<{ last_name: string; first_name: string; middle_name: string }>('SELECT * FROM people WHERE id = ?', personId);
    await api.call('people.update', {
      id: personId,
      data: { lastName: `${p.last_name}-Новая`, firstName: p.first_name, middleName: p.middle_name },
    });
    expect(await textOf(await api.call('certificates.docx', { ids: [cert.id] }))).toBe(before);
    expect(before).toContain(`№ ${cert.numberLabel} от 18.10.2018`);
  });

  it('reissues under a new number of this year and annuls the old one, which stays in the register', async () => {
    const cert = (await api.call('certificates.list', { year: 2018, sort: 'number', dir: 'asc' })).rows[1]!;
    const reissued = await api.call('certificates.reissue', { id: cert.id, reason: 'Ошибка в фамилии' });
    const year = new Date().getFullYear();
    expect(reissued.numberLabel.startsWith(`${year}-`)).toBe(true);
    const rows = (await api.call('certificates.list', { search: cert.fullName.split(' ')[0]!, year: null })).rows;
    const old = rows.find((r) => r.id === cert.id)!;
    expect(old).toMatchObject({ status: 'annulled', annulReason: 'Ошибка в фамилии', replacedBy: reissued.numberLabel });
    expect(rows.find((r) => r.id === reissued.id)).toMatchObject({ status: 'valid', replaces: cert.numberLabel });
    expect((await refusedUnchanged('certificates.reissue', { id: cert.id, reason: 'Ещё раз' })).message).toMatch(/уже аннулирован/);
  });

  it('finds a certificate by its number and by name', async () => {
    const cert = (await api.call('certificates.list', { year: 2018, sort: 'number', dir: 'asc' })).rows[2]!;
    expect((await api.call('certificates.list', { search: cert.numberLabel })).rows.map((r) => r.id)).toEqual([cert.id]);
    expect((await api.call('certificates.list', { search: cert.fullName.toLocaleLowerCase('ru') })).rows.map((r) => r.id)).toContain(
      cert.id,
    );
  });

  it('gives the year as Excel: number, real date, name, event, status', async () => {
    const file = await api.call('certificates.registerXlsx', { year: 2018 });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((r) => r[0] === '№ сертификата');
    const first = rows[header + 1]!;
    expect(first[0]).toBe('2018-001');
    expect(first[1]).toBeInstanceOf(Date);
    expect(String(first[4])).toMatch(/^Семинар для специалистов/);
    expect(rows.slice(header + 1).some((r) => String(r[6]).startsWith('аннулирован'))).toBe(true);
  });

  it('is held by the schema: one number per year, a positive number, only for a participant of the event', () => {
    const c = one<{ year: number; number: number; event_id: number; person_id: number; snapshot: string; issued_on: string }>(
      'SELECT * FROM certificates ORDER BY id LIMIT 1',
    );
    const insert = (year: number, number: number, eventId: number, personId: number) => () =>
      api.app.sqlite
        .prepare(`INSERT INTO certificates (year, number, event_id, person_id, issued_on, snapshot) VALUES (?, ?, ?, ?, ?, ?)`)
        .run(year, number, eventId, personId, `${year}-12-01`, c.snapshot);
    expect(insert(c.year, c.number, c.event_id, c.person_id)).toThrow(/UNIQUE/);
    expect(insert(2030, 0, c.event_id, c.person_id)).toThrow(/CHECK/);
    const outsider = one<{ id: number }>(
      'SELECT id FROM people WHERE id NOT IN (SELECT person_id FROM event_participants WHERE event_id = ?) LIMIT 1',
      c.event_id,
    );
    expect(insert(2030, 1, c.event_id, outsider.id)).toThrow(/FOREIGN KEY/);
  });

  it('keeps a certified participation and its event from deletion, in Russian', async () => {
    const c = one<{ event_id: number; person_id: number }>('SELECT * FROM certificates WHERE annulled_on IS NULL ORDER BY id LIMIT 1');
    const participation = one<{ id: number }>(
      'SELECT id FROM event_participants WHERE event_id = ? AND person_id = ?',
      c.event_id,
      c.person_id,
    );
    expect((await refusedUnchanged('participants.remove', { id: participation.id })).message).toMatch(
      /^Нельзя удалить регистрацию участника: по этой регистрации/,
    );
    expect((await refusedUnchanged('events.delete', { id: c.event_id })).message).toMatch(/сертификат/);
  });
});

describe('the layout', () => {
  it('takes a logo from the file store and refuses a file that is not a picture', async () => {
    const { putFile } = await import('@main/services/files');
    const dir = api.app.env.dataDir;
    const logoFile = path.join(dir, 'logo.png');
    writeFileSync(logoFile, png(40, 20));
    const logo = await putFile(api.app.db, dir, logoFile, { originalName: 'logo.png' });
    const textFile = path.join(dir, 'note.txt');
    writeFileSync(textFile, 'не картинка');
    const text = await putFile(api.app.db, dir, textFile, { originalName: 'logo.png' });
    const layout = await api.call('certificates.layout', {});
    expect((await refusedUnchanged('certificates.setLayout', { settings: layout.settings, logoHash: text.hash })).message).toMatch(
      /PNG или JPEG/,
    );
    expect(
      (await refusedUnchanged('certificates.setLayout', { settings: { ...layout.settings, text: 'принял {участник}' }, logoHash: null }))
        .message,
    ).toMatch(/Неизвестная подстановка \{участник\}/);
    const saved = await api.call('certificates.setLayout', { settings: { ...layout.settings, logoWidthMm: 40 }, logoHash: logo.hash });
    expect(saved).toMatchObject({ saved: true, logo: { hash: logo.hash, name: 'logo.png' } });
    // A certificate issued now carries the logo, 40 × 20 mm by the picture's proportions.
    const e = await heldEvent([{ lastName: 'Логотипова', firstName: 'Анна', middleName: 'Петровна' }], [[0, 1]]);
    const issued = await api.call('certificates.issue', { eventId: e.id, participantIds: [e.byName('Логотипова')] });
    const view = await api.call('certificates.view', { ids: [issued.issued[0]!.id] });
    expect(view.spec.blocks[0]).toEqual({
      kind: 'image',
      picture: { hash: logo.hash },
      widthMm: 40,
      heightMm: 20,
      align: 'center',
      alt: expect.stringMatching(/^Логотип: /),
    });
    expect(view.images[logo.hash]).toMatch(/^data:image\/png;base64,/);
  });
});

describe('no «удостоверение»', () => {
  it('appears in no certificate, no register and no label', async () => {
    const ids = all<{ id: number }>('SELECT id FROM certificates').map((r) => r.id);
    expect(await textOf(await api.call('certificates.docx', { ids }))).not.toMatch(/удостоверени/i);
    const { readFileSync, readdirSync } = await import('node:fs');
    const sources = [
      'shared/contract/certificates.ts',
      'shared/documents/certificates/layout.ts',
      ...readdirSync('renderer/src/registers/certificates').map((f) => `renderer/src/registers/certificates/${f}`),
    ];
    for (const file of sources) {
      const code = readFileSync(file, 'utf8').replace(
        /never «удостоверение»[^\n]*|«удостоверение» \(the document[^\n]*|Never «удостоверение»[^\n]*/g,
        '',
      );
      expect(code, file).not.toMatch(/удостоверени/i);
    }
  });
});

describe('PDF', () => {
  it('is made by the Electron window on the print view of the certificates; the browser host says where to get one', async () => {
    const id = one<{ id: number }>('SELECT id FROM certificates ORDER BY id LIMIT 1').id;
    expect((await refusedUnchanged('certificates.pdf', { ids: [id] })).message).toMatch(/^Файл для печати строит окно программы/);
    const { createApp } = await import('@main/api/app');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-pdf-'));
    const routes: string[] = [];
    const windowed = createApp({ dataDir: dir, printToPdf: async (route) => (routes.push(route), Buffer.from('%PDF-1.7')) });
    try {
      await windowed.dispatch('app.initialize', { mode: 'demo' });
      const ids = (windowed.sqlite.prepare('SELECT id FROM certificates ORDER BY number LIMIT 2').all() as { id: number }[]).map(
        (r) => r.id,
      );
      const result = await windowed.dispatch('certificates.pdf', { ids });
      expect(result).toMatchObject({ ok: true, value: { mimeType: 'application/pdf' } });
      expect(routes).toEqual([`/certificates/print?ids=${ids.join(',')}`]);
    } finally {
      windowed.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
