import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ImportReport, ImportSourceInput } from '@shared/contract/imports';
import type { Job } from '@shared/contract/jobs';
import { putFile } from '@main/services/files';
import { previewImport, readSheet } from '@main/services/imports';
import { MAX_PART_BYTES } from '@main/services/imports/xlsx';
import { zipFiles } from '@main/documents/zip';
import { importSource } from '@shared/contract/imports';
import { appApi } from '@tests/unit/meetings/helpers';
import { hashTables } from '@tests/unit/foundation/tables';

/**
 * The import through the real dispatcher, the worker thread and the file store, on the demo
 * registry, one case per committed file (tests/fixtures/imports/, saved by LibreOffice Calc):
 * what each row becomes, what lands after the import, and that a refused file changes nothing.
 */

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'fixtures', 'imports');
let api: ReturnType<typeof appApi>;

beforeAll(async () => {
  api = appApi();
  await api.call('app.initialize', { mode: 'demo' });
});
afterAll(() => api.cleanup());

async function stored(name: string, bytes: Buffer<ArrayBufferLike> = readFileSync(path.join(FIXTURES, name))) {
  return (await putFile(api.app.db, api.app.env.dataDir, Readable.from([bytes]), { originalName: name })).hash;
}

async function newEvent(title: string) {
  const typeId = api.one<{ id: number }>(`SELECT id FROM list_values WHERE list = 'eventTypes' AND value = 'Семинар'`).id;
  const e = await api.call('events.create', {
    typeId,
    centerRole: 'organizer',
    title,
    level: 'municipal',
    firstDay: '2024-03-12',
    lastDay: '2024-03-12',
  });
  return e.id;
}

async function finished(job: Job<ImportReport>): Promise<Job<ImportReport>> {
  for (;;) {
    const now = (await api.call('jobs.get', { id: job.id })) as Job<ImportReport>;
    if (now.state !== 'running') return now;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function importFile(source: ImportSourceInput) {
  return finished((await api.call('imports.run', source)) as Job<ImportReport>);
}

/** A file refused at once: the preview and the import both say why, and no table changes. */
/** A committed workbook's parts, to build a hostile variant of it. */
async function fixtureParts(name: string): Promise<Map<string, string | Uint8Array>> {
  const real = await JSZip.loadAsync(readFileSync(path.join(FIXTURES, name)));
  const parts = new Map<string, string | Uint8Array>();
  for (const file of Object.keys(real.files).filter((n) => !real.files[n]!.dir))
    parts.set(file, await real.files[file]!.async('uint8array'));
  return parts;
}

async function refusedFile(name: string, bytes?: Buffer<ArrayBufferLike>) {
  const fileHash = await stored(name, bytes);
  const before = hashTables(api.app.sqlite);
  const eventId = await newEvent(`Проверка файла ${name}`);
  const afterEvent = hashTables(api.app.sqlite);
  const preview = await api.refusal('imports.preview', { fileHash, target: 'participants', eventId });
  const job = await importFile({ fileHash, target: 'participants', eventId });
  expect(job.state).toBe('failed');
  expect(job.error).toBe(preview.message);
  expect(hashTables(api.app.sqlite)).toEqual(afterEvent);
  expect(before).not.toEqual(afterEvent);
  return preview.message;
}

const byRow = (lines: ImportPreview['lines']) => Object.fromEntries(lines.map((l) => [l.row, l.text]));

describe('import of a participant list', () => {
  it('reads an .xlsx with a title line and a merged two-row header, matches by the exact normalised name, and imports all at once', async () => {
    const fileHash = await stored('participants-merged-header.xlsx');
    const eventId = await newEvent('Семинар «Профилактика жестокого обращения с детьми»');
    const preview = await api.call('imports.preview', { fileHash, target: 'participants', eventId });
    expect(preview.remembered).toBe(false);
    expect(preview.columns.map((c) => c.header)).toEqual([
      '№ п/п',
      'ФИО. Фамилия',
      'ФИО. Имя',
      'ФИО. Отчество',
      'Организация',
      'Должность',
      'Телефон',
      'E-mail',
      'Дата согласия на обработку ПДн',
    ]);
    expect(Object.fromEntries(preview.mapping.map((m) => [m.field, m.column]))).toEqual({
      lastName: 1,
      firstName: 2,
      middleName: 3,
      organization: 4,
      position: 5,
      phone: 6,
      email: 7,
      pdConsentDate: 8,
    });
    expect(byRow(preview.lines)).toEqual({
      4: 'совпадает с Белова Анна Юрьевна, МБОУ СОШ №1 г. Уварово',
      5: 'совпадает с Ёлкина Надежда Васильевна, КДН и ЗП Уваровского района',
      6: 'новый человек, МБОУ СОШ №1 г. Уварово',
      7: 'новый человек; организации «Школа № 99» нет в реестре — место работы не указано',
      8: 'отклонено: тот же человек, что в строке 4',
      10: 'отклонено: нет фамилии или имени',
    });
    expect(preview.skipped).toEqual([{ row: 11, reason: 'строка итогов' }]);
    expect([preview.matched, preview.added, preview.rejected]).toEqual([2, 2, 2]);

    const job = await importFile({ fileHash, target: 'participants', eventId });
    expect(job.error).toBeNull();
    expect(job.state).toBe('ok');
    const participants = api.all<{ n: number; last: string; phone: string; consent: string | null }>(
      `SELECT p.registration_number n, pe.last_name last, pe.phone phone, pe.pd_consent_date consent FROM event_participants p
       JOIN people pe ON pe.id = p.person_id WHERE p.event_id = ? ORDER BY n`,
      eventId,
    );
    expect(participants.map((p) => [p.n, p.last])).toEqual([
      [1, 'Белова'],
      [2, 'Ёлкина'],
      [3, 'Петрова'],
      [4, 'Сидоров'],
    ]);
    // A phone typed as a number got its «+7» back; a real date cell is the day it shows.
    expect(participants[2]).toMatchObject({ phone: '+7 (920) 111-22-33', consent: '2024-03-12' });
    expect(participants[3]!.phone).toBe('+7 (910) 777-88-99');
    // The two new people are found by search at once: the import indexed them at its end (db/search.ts).
    for (const last of ['Петрова', 'Сидоров']) {
      const id = api.one<{ id: number }>(
        'SELECT pe.id FROM event_participants p JOIN people pe ON pe.id = p.person_id WHERE p.event_id = ? AND pe.last_name = ?',
        eventId,
        last,
      ).id;
      expect((await api.call('people.list', { search: last })).rows.map((r) => r.id)).toContain(id);
    }
    // Each came onto the list by this import, not by hand: the source and the report it brought them with.
    expect(api.all('SELECT DISTINCT source, import_run_id FROM event_participants WHERE event_id = ?', eventId)).toEqual([
      { source: 'import', import_run_id: job.result!.id },
    ]);
    const report = await api.call('imports.report', { id: job.result!.id });
    expect(report).toMatchObject({
      target: 'participants',
      eventId,
      fileName: 'participants-merged-header.xlsx',
      matched: 2,
      added: 2,
      rejected: 2,
    });
    expect(report.lines).toEqual(preview.lines);
    // The job's answer is the report as stored.
    expect(job.result).toEqual(report);
    expect((await api.call('imports.reports', { target: 'participants', eventId })).map((r) => r.id)).toEqual([report.id]);

    // The same file again: the mapping is remembered, and everyone is now on the list.
    const again = await api.call('imports.preview', { fileHash, target: 'participants', eventId });
    expect(again.remembered).toBe(true);
    expect(again.lines.filter((l) => l.outcome !== 'rejected')).toEqual([]);
    expect(byRow(again.lines)[6]).toBe('отклонено: уже в списке участников (№ 3)');
    const before = hashTables(api.app.sqlite);
    const none = await importFile({ fileHash, target: 'participants', eventId });
    expect(none.error).toBe('Ни одну строку файла импортировать нельзя: причины — в предпросмотре.');
    expect(hashTables(api.app.sqlite)).toEqual(before);
  });

  it('writes after its preview what a matching anew would: a person or a participant added since the preview is matched, not doubled', async () => {
    const known = api.one<{ id: number; last_name: string; first_name: string; middle_name: string }>(
      `SELECT id, last_name, first_name, middle_name FROM people p WHERE length(first_name) > 2 AND length(middle_name) > 2
       AND (SELECT count(*) FROM people q WHERE q.last_name = p.last_name AND q.first_name = p.first_name) = 1 ORDER BY id LIMIT 1`,
    );
    const list = `ФИО\nЗаречная Ольга Ивановна\n${known.last_name} ${known.first_name} ${known.middle_name}\nКлёнова Вера Павловна\n`;
    const fileHash = await stored('после-предпросмотра.csv', Buffer.from(list));
    const eventId = await newEvent('Семинар после предпросмотра');
    const preview = await api.call('imports.preview', { fileHash, target: 'participants', eventId });
    expect(byRow(preview.lines)[2]).toBe('новый человек');
    expect(byRow(preview.lines)[3]).toMatch(/^совпадает с /);
    // While the dialog shows the preview: someone enters the first person by hand and puts the known one on the list.
    const entered = (await api.call('people.create', { lastName: 'Заречная', firstName: 'Ольга', middleName: 'Ивановна' })).id;
    await api.call('participants.add', { eventId, personIds: [known.id], role: 'participant' });
    const job = await importFile({ fileHash, target: 'participants', eventId });
    expect(job.state).toBe('ok');
    expect(byRow(job.result!.lines)).toEqual({
      2: 'совпадает с Заречная Ольга Ивановна',
      3: 'отклонено: уже в списке участников (№ 1)',
      4: 'новый человек',
    });
    expect(api.all(`SELECT id FROM people WHERE last_name = 'Заречная'`)).toEqual([{ id: entered }]);
    expect(api.all('SELECT person_id FROM event_participants WHERE event_id = ? ORDER BY registration_number', eventId)).toEqual([
      { person_id: known.id },
      { person_id: entered },
      { person_id: api.one<{ id: number }>(`SELECT id FROM people WHERE last_name = 'Клёнова'`).id },
    ]);
  });

  it('reads Excel’s Russian CSV (cp1251, «;», quotes, a line break inside a cell, text dates) and can be switched to another encoding', async () => {
    const fileHash = await stored('participants-cp1251.csv');
    const eventId = await newEvent('Круглый стол по CSV');
    const preview = await api.call('imports.preview', { fileHash, target: 'participants', eventId });
    expect(preview.encoding).toBe('windows-1251');
    expect(preview.columns.map((c) => c.header)).toEqual(['ФИО', 'Организация', 'Должность', 'Телефон', 'Электронная почта', 'Согласие']);
    expect(byRow(preview.lines)).toEqual({
      2: 'совпадает с Белова Анна Юрьевна, МБОУ СОШ №1 г. Уварово',
      3: 'новый человек; организации «МБОУ "СОШ №2"; филиал в с. Ключи» нет в реестре — место работы не указано',
      4: 'совпадает с Орлова Ирина Владимировна, Администрация г. Уварово',
      5: 'отклонено: Электронная почта: Адрес электронной почты указан неверно',
    });
    const forced = await api.call('imports.preview', { fileHash, target: 'participants', eventId, encoding: 'utf-8' });
    expect(forced.encoding).toBe('utf-8');
    expect(forced.columns[0]!.header).toContain('\ufffd');
    const job = await importFile({ fileHash, target: 'participants', eventId });
    expect(job.state).toBe('ok');
    const elkin = api.one<{ position: string; consent: string }>(
      `SELECT position, pd_consent_date consent FROM people WHERE last_name = 'Ёлкин'`,
    );
    expect(elkin).toEqual({ position: 'Учитель начальных классов', consent: '2024-03-12' });
  });

  it('refuses an .xls, a renamed PDF, a binary file and an empty one in Russian, changing nothing', async () => {
    expect(await refusedFile('participants.xls')).toMatch(/^Это файл Excel 97–2003 \(\.xls\).*Сохраните файл в формате \.xlsx/);
    expect(await refusedFile('renamed-pdf.xlsx')).toBe(
      'Это не таблица, а PDF, хотя имя файла говорит другое. Файл не похож на таблицу: выберите список в формате .xlsx или .csv.',
    );
    expect(await refusedFile('photo.csv', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]))).toMatch(/не похож на таблицу/);
    // A file of no bytes at all never reaches the import: the file store refuses it on upload (issue 22).
    const before = hashTables(api.app.sqlite);
    await expect(stored('empty.csv', Buffer.alloc(0))).rejects.toThrow('Файл пустой');
    expect(hashTables(api.app.sqlite)).toEqual(before);
    // One with bytes but no line (a BOM and a line break, as an emptied Excel CSV) is the import's to refuse.
    expect(await refusedFile('blank.csv', Buffer.from('\ufeff\r\n', 'utf8'))).toBe('Файл пуст: в нём нет ни одной строки.');
    expect(await refusedFile('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'))).toMatch(/повреждена/);
  });

  it('refuses a workbook whose sheet would inflate past the bound (a zip bomb), changing nothing', async () => {
    const parts = await fixtureParts('participants-merged-header.xlsx');
    // A sheet of spaces one byte past the bound: about 100 kB deflated.
    parts.set('xl/worksheets/sheet1.xml', Buffer.alloc(MAX_PART_BYTES + 1, 0x20));
    expect(await refusedFile('bomb.xlsx', zipFiles(parts))).toBe(
      'Книга Excel слишком велика для импорта: её лист занимает больше 100 МБ. Разделите список на несколько файлов.',
    );
  });

  it('refuses merged ranges over a million cells and an address past Excel’s last column, changing nothing', async () => {
    const parts = await fixtureParts('participants-merged-header.xlsx');
    const sheet = Buffer.from(parts.get('xl/worksheets/sheet1.xml')!).toString('utf8');
    // One range over the whole of Excel's grid: every covered cell would be made.
    parts.set(
      'xl/worksheets/sheet1.xml',
      sheet.replace(/<mergeCells[^]*?<\/mergeCells>/, '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'),
    );
    expect(await refusedFile('merged-grid.xlsx', zipFiles(parts))).toMatch(
      /^Книга Excel слишком велика для импорта: объединённые ячейки листа покрывают больше 1\s000\s000 ячеек\. Разделите список/,
    );
    parts.set('xl/worksheets/sheet1.xml', sheet.replace('<c r="C2"', '<c r="ZZZZ2"'));
    expect(await refusedFile('far-column.xlsx', zipFiles(parts))).toMatch(/^Книга Excel повреждена/);
  });
});

describe('import into the registry', () => {
  it('reads text dates in three forms and phones typed as numbers', async () => {
    const fileHash = await stored('people-text-dates.xlsx');
    const preview = await api.call('imports.preview', { fileHash, target: 'people' });
    expect(byRow(preview.lines)).toEqual({
      2: 'новый человек, МБОУ СОШ №1 г. Уварово',
      3: 'новый человек',
      4: 'новый человек',
      5: 'новый человек',
      6: 'отклонено: дата согласия «32.13.2024» не читается как дата',
      7: 'совпадает с Семёнова Ольга Петровна, ТОГБУ «Центр по оказанию психолого-педагогических услуг «Доверие»',
    });
    const job = await importFile({ fileHash, target: 'people' });
    expect(job.state).toBe('ok');
    expect(
      api.all(
        `SELECT last_name, phone, pd_consent_date FROM people WHERE last_name IN ('Антонова','Борисов','Волкова','Григорьева') ORDER BY last_name`,
      ),
    ).toEqual([
      { last_name: 'Антонова', phone: '8 (910) 123-45-67', pd_consent_date: '2024-03-12' },
      { last_name: 'Борисов', phone: '+7 (910) 123-45-67', pd_consent_date: '2024-03-12' },
      { last_name: 'Волкова', phone: '+7 (910) 123-45-67', pd_consent_date: '2024-03-12' },
      { last_name: 'Григорьева', phone: '+7 (475) 342-12-34', pd_consent_date: '2024-03-12' },
    ]);
    expect((await api.call('imports.reports', { target: 'people' }))[0]).toMatchObject({ added: 4, matched: 1, rejected: 1 });
  });

  it('reads «CSV UTF-8» with a BOM into organisations, strips the characters XML forbids and names them', async () => {
    const fileHash = await stored('organizations-utf8-bom.csv');
    const preview = await api.call('imports.preview', { fileHash, target: 'organizations' });
    expect(preview.encoding).toBe('utf-8');
    expect(preview.stripped).toEqual([{ row: 4, codes: ['U+000B'] }]);
    expect(byRow(preview.lines)).toEqual({
      2: 'совпадает с Отдел опеки и попечительства администрации Инжавинского района',
      3: 'новая организация (тип «Образовательная организация»)',
      4: 'новая организация (тип «НКО»; муниципального образования «Неизвестный район» нет в реестре — не указано)',
      5: 'отклонено: нет наименования организации',
    });
    const job = await importFile({ fileHash, target: 'organizations' });
    expect(job.state).toBe('ok');
    expect(
      api.one(
        `SELECT o.full_name, o.phone, m.name municipality FROM organizations o JOIN municipalities m ON m.id = o.municipality_id WHERE o.short_name = 'МБОУ «Инжавинская СОШ»'`,
      ),
    ).toEqual({
      full_name: 'Муниципальное бюджетное общеобразовательное учреждение «Инжавинская средняя общеобразовательная школа»',
      phone: '84755321234',
      municipality: 'Инжавинский район',
    });
    expect(api.one<{ full_name: string }>(`SELECT full_name FROM organizations WHERE short_name = 'АНО «Семья»'`).full_name).toBe(
      'Автономная некоммерческая организация «Семья»центр поддержки',
    );
    // Found by search at once, as the import indexed its new rows at its end (db/search.ts).
    expect((await api.call('organizations.list', { search: 'Инжавинская СОШ' })).rows.map((r) => r.shortName)).toEqual([
      'МБОУ «Инжавинская СОШ»',
    ]);
  });

  it('names at most three people a new one may be, the rest left to «Дубликаты» (a list of namesakes imported before)', async () => {
    const school = api.one<{ short_name: string }>(
      `SELECT short_name FROM organizations o WHERE short_name <> '' AND (SELECT count(*) FROM organizations WHERE short_name = o.short_name) = 1 ORDER BY id LIMIT 1`,
    ).short_name;
    // Five teachers of one school with the same first name and patronymic: by the rules each may be
    // a namesake whose surname changed, so the next list's «Анна Петровна» may be any of them.
    const first = ['Агеева', 'Быкова', 'Власова', 'Гусева', 'Дьякова'].map((last) => `${last} Анна Петровна;${school}`).join('\n');
    const job = await importFile({ fileHash: await stored('учителя.csv', Buffer.from(`ФИО;Организация\n${first}\n`)), target: 'people' });
    expect(job.state).toBe('ok');
    const fileHash = await stored('ещё-учитель.csv', Buffer.from(`ФИО;Организация\nЕгорова Анна Петровна;${school}\n`));
    const preview = await api.call('imports.preview', { fileHash, target: 'people' });
    const text = preview.lines[0]!.text;
    expect(text.match(/Анна Петровна \(/g)).toHaveLength(3);
    expect(text).toMatch(/; или с другими \(все — в «Дубликатах» реестра\)$/);
    // The worker matched against the indexes it kept and extended with the five it wrote; read afresh
    // from the registry here, in this thread, they answer the same.
    const list = Buffer.from(`ФИО;Организация\nЕгорова Анна Петровна;${school}\nГусева Анна Петровна;${school}\n`);
    const source = { fileHash: await stored('ещё.csv', list), target: 'people' } as const;
    const inWorker = await api.call('imports.preview', source);
    const fresh = previewImport(api.app.db, { fileName: 'ещё.csv', sheet: await readSheet(list, 'ещё.csv') }, importSource.parse(source));
    expect(inWorker.lines).toEqual(fresh.lines);
    expect(byRow(fresh.lines)[3]).toMatch(/^совпадает с Гусева Анна Петровна/);
  });

  it('refuses a file whose every row is refused, and a mapping without the name column, changing nothing', async () => {
    const bytes = iconv.encode('Должность;Телефон\nМетодист;123\n', 'windows-1251');
    const fileHash = await stored('без-фио.csv', bytes);
    const preview = await api.call('imports.preview', { fileHash, target: 'people' });
    expect(preview.mappingProblem).toBe('Укажите, в каком столбце ФИО (или фамилия и имя по отдельности).');
    const before = hashTables(api.app.sqlite);
    const job = await importFile({ fileHash, target: 'people' });
    expect(job.error).toBe(preview.mappingProblem);
    expect(hashTables(api.app.sqlite)).toEqual(before);
    // The user maps the column by hand: the preview follows the mapping asked for.
    const mapped = await api.call('imports.preview', { fileHash, target: 'people', mapping: [{ field: 'fullName', column: 0 }] });
    expect(byRow(mapped.lines)).toEqual({ 2: 'отклонено: нет фамилии или имени' });
  });
});

describe('a cancelled import and an abandoned upload', () => {
  it('stops a running import inside its transaction when cancelled: nothing written, no report', async () => {
    const rows = Array.from(
      { length: 8000 },
      (_, i) => `Отменённая${[...String(i)].map((d) => 'абвгдежзик'[Number(d)]).join('')};Анна;Петровна`,
    );
    const fileHash = await stored('длинный-список.csv', Buffer.from(`Фамилия;Имя;Отчество\n${rows.join('\n')}\n`, 'utf8'));
    const eventId = await newEvent('Семинар, импорт в который отменят');
    const before = hashTables(api.app.sqlite);
    const started = (await api.call('imports.run', { fileHash, target: 'participants', eventId })) as Job<ImportReport>;
    // Cancelled once the write has begun: the rows are going in, inside the one transaction.
    for (;;) {
      const now = (await api.call('jobs.get', { id: started.id })) as Job<ImportReport>;
      expect(now.state).toBe('running');
      if (now.step === 'Запись' && now.done > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await api.call('jobs.cancel', { id: started.id });
    const job = await finished(started);
    expect(job).toMatchObject({ state: 'cancelled', step: 'Отменено', result: null });
    expect(hashTables(api.app.sqlite)).toEqual(before);
    // The gate is open again: the next change goes through.
    expect(await api.app.dispatch('people.create', { lastName: 'Следующая', firstName: 'Анна' })).toMatchObject({ ok: true });
  });

  it('drops an upload the import did not use from the file store, and keeps one another record refers to', async () => {
    const fileHash = await stored('participants.xls');
    const file = path.join(api.app.env.dataDir, 'files', fileHash.slice(0, 2), fileHash);
    expect(existsSync(file)).toBe(true);
    expect(await api.call('imports.discard', { fileHash })).toBe(true);
    expect(api.all('SELECT hash FROM stored_files WHERE hash = ?', fileHash)).toEqual([]);
    expect(existsSync(file)).toBe(false);
    // Asked again (the dialog closed twice): nothing to do.
    expect(await api.call('imports.discard', { fileHash })).toBe(false);

    // The same content attached to a publication stays where the publication needs it.
    const pdf = await stored('renamed-pdf.xlsx');
    const publicationId = api.one<{ id: number }>('SELECT id FROM publications ORDER BY id LIMIT 1').id;
    await api.call('publications.attachFile', { publicationId, hash: pdf });
    expect(await api.call('imports.discard', { fileHash: pdf })).toBe(false);
    expect(existsSync(path.join(api.app.env.dataDir, 'files', pdf.slice(0, 2), pdf))).toBe(true);
  });
});
