import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApi } from '@tests/unit/documents/corpus';
import { convertBatch, fileBytes, flat, missingInOrder, pdfText, xmlParts } from '@tests/unit/documents/office';
import type { Api } from '@tests/unit/meetings/helpers';
import { writeOffActsExportKind } from '@main/services/publications';
import type { WriteOffActInput } from '@shared/contract/writeOffActs';
import { todayLocal } from '@shared/russian';
import { signatureName } from '@shared/documents/workPlan/layout';

/**
 * Акт списания on the demo data: a draft changes no balance; signing numbers it per year and
 * writes its lines off in one transaction, refused whole when a line is short; the Word file read
 * from its XML and, in order, from LibreOffice's PDF.
 */

let api: Api;
const dir = mkdtempSync(path.join(os.tmpdir(), 'rc-acts-'));
let staff: { id: number; name: string }[];
let collection: { id: number; balance: number };
let leaflet: { id: number; balance: number };
const today = todayLocal();

beforeAll(async () => {
  api = await demoApi(false);
  staff = await api.call('writeOffActs.staff', {});
  const rows = (await api.call('publications.list', { archive: 'all' })).rows.filter((r) => r.balance > 0);
  collection = rows.find((r) => r.title.startsWith('Сборник'))!;
  leaflet = rows.find((r) => r.id !== collection.id)!;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const act = (lines: WriteOffActInput['lines'], data: Partial<WriteOffActInput> = {}): WriteOffActInput => ({
  actDate: today,
  reason: 'Повреждены при протечке кровли в кабинете № 12',
  chairId: staff[0]!.id,
  memberIds: [staff[1]!.id, staff[2]!.id],
  lines,
  ...data,
});
const balance = async (id: number) => (await api.call('publications.get', { id })).balance;
const writeOffs = async (id: number) => (await api.call('publications.get', { id })).history.filter((m) => m.kind === 'writeOff');

describe('the write-off act', () => {
  it('takes its commission from the center’s staff only, three people at least', async () => {
    expect(staff.length).toBeGreaterThanOrEqual(3);
    const stranger = (await api.call('people.list', { limit: 500 })).rows.find((p) => !staff.some((s) => s.id === p.id))!;
    await expect(
      api.call('writeOffActs.create', act([{ publicationId: collection.id, quantity: 1 }], { memberIds: [stranger.id, staff[1]!.id] })),
    ).rejects.toThrow(/только сотрудники центра/);
    await expect(
      api.call('writeOffActs.create', act([{ publicationId: collection.id, quantity: 1 }], { memberIds: [staff[1]!.id] })),
    ).rejects.toThrow(/не меньше трёх человек/);
  });

  it('moves nothing as a draft; at signing gets the year’s number and writes every line off in one transaction', async () => {
    const before = [await balance(collection.id), await balance(leaflet.id)];
    const draft = await api.call(
      'writeOffActs.create',
      act([
        { publicationId: collection.id, quantity: 2 },
        { publicationId: leaflet.id, quantity: 1 },
      ]),
    );
    expect(draft).toMatchObject({ status: 'draft', numberLabel: null, copies: 3 });
    expect(draft.lines.map((l) => l.inWords)).toEqual(['два экземпляра', 'один экземпляр']);
    expect([await balance(collection.id), await balance(leaflet.id)]).toEqual(before);
    expect(api.sqlite.prepare('SELECT count(*) FROM write_off_act_lines WHERE movement_id IS NOT NULL').pluck().get()).toBe(0);
    const writeOffsBefore = (await writeOffs(collection.id)).length;

    const signed = await api.call('writeOffActs.sign', { id: draft.id });
    expect(signed).toMatchObject({ status: 'signed', numberLabel: `${today.slice(0, 4)}-001`, approverName: 'А.Я. Гоберкорн' });
    expect([await balance(collection.id), await balance(leaflet.id)]).toEqual([before[0]! - 2, before[1]! - 1]);
    const written = await writeOffs(collection.id);
    expect(written).toHaveLength(writeOffsBefore + 1);
    expect(written.at(-1)!.reason).toMatch(new RegExp(`^Акт списания № ${today.slice(0, 4)}-001 от .*: Повреждены при протечке`));
    await expect(api.call('writeOffActs.sign', { id: draft.id })).rejects.toThrow(/подписан/);
    await expect(api.call('writeOffActs.delete', { id: draft.id })).rejects.toThrow(/подписан/);
    // Its write-off is not annulled behind the signed act: the refusal names the act and says what to do.
    await expect(api.call('publications.reverseMovement', { movementId: written.at(-1)!.id, reason: 'Ошибка' })).rejects.toThrow(
      new RegExp(`^Это списание по акту № ${today.slice(0, 4)}-001 от .*: акт подписан.*инвентаризацией`),
    );
    expect(await balance(collection.id)).toBe(before[0]! - 2);

    // One line short: nothing is signed, no line is written off, no number is taken.
    const short = await api.call(
      'writeOffActs.create',
      act([
        { publicationId: leaflet.id, quantity: 1 },
        { publicationId: collection.id, quantity: before[0]! + 1000 },
      ]),
    );
    await expect(api.call('writeOffActs.sign', { id: short.id })).rejects.toThrow(/Акт не подписан: «Сборник.*не хватает/);
    expect(await balance(leaflet.id)).toBe(before[1]! - 1);
    expect((await api.call('writeOffActs.get', { id: short.id })).status).toBe('draft');
    const fixed = await api.call('writeOffActs.update', { id: short.id, data: act([{ publicationId: collection.id, quantity: 1 }]) });
    expect((await api.call('writeOffActs.sign', { id: fixed.id })).numberLabel).toBe(`${today.slice(0, 4)}-002`);
  });

  it('is a Word document: «УТВЕРЖДАЮ», the commission, quantities in figures and words, the reason, the signatures', async () => {
    const draft = await api.call('writeOffActs.create', act([{ publicationId: collection.id, quantity: 1 }]));
    const draftFile = await api.call('writeOffActs.docx', { id: draft.id });
    const draftXml = (await xmlParts(fileBytes(draftFile).bytes)).get('word/document.xml')!;
    expect(draftFile.fileName).toMatch(/^Акт списания \(проект\)/);
    expect(draftXml).toContain('«___» ____________ 20___ г.');
    await api.call('writeOffActs.delete', { id: draft.id });
    expect((await api.call('writeOffActs.list', { year: null })).some((a) => a.id === draft.id)).toBe(false);

    const signed = (await api.call('writeOffActs.list', { year: Number(today.slice(0, 4)) })).find((a) => a.numberLabel?.endsWith('-001'))!;
    const file = await api.call('writeOffActs.docx', { id: signed.id });
    expect(file.fileName).toBe(`Акт списания № ${signed.numberLabel} от ${today.split('-').reverse().join('.')}.docx`);
    const pdf = convertBatch(dir, [fileBytes(file)]).get(file.fileName)!;
    const text = flat(pdfText(pdf.pdf));
    if (process.env.ACT_TEXT) console.log(text);
    const [chair, m1, m2] = [staff[0]!, staff[1]!, staff[2]!];
    expect(
      missingInOrder(text, [
        'УТВЕРЖДАЮ',
        'Директор',
        'А.Я. Гоберкорн',
        'АКТ',
        'о списании печатной продукции',
        `№ ${signed.numberLabel}`,
        'председатель комиссии',
        signatureName(chair.name),
        'члены комиссии',
        signatureName(m1.name),
        signatureName(m2.name),
        'Итого: 3 (три экземпляра)',
        'Причина списания: Повреждены при протечке кровли',
        'Председатель комиссии',
        'Члены комиссии',
      ]),
    ).toBeNull();
    expect(text).not.toContain('ПРОЕКТ');
    // The table's cells in their order, from the Word XML (LibreOffice's PDF reads a table by columns).
    const cells = flat(
      (await xmlParts(fileBytes(file).bytes))
        .get('word/document.xml')!
        .replace(/<\/w:p>/g, ' ')
        .replace(/<[^>]+>/g, ''),
    );
    expect(
      missingInOrder(cells, [
        'Количество (экз.)',
        'Количество прописью',
        '1',
        'Сборник «Что написано пером...»',
        'Сборник',
        '2',
        'два экземпляра',
        '2',
        'один экземпляр',
      ]),
    ).toBeNull();
    // Each member signs on a drawn line between the position and the name (a cell's bottom border).
    const signatureRows = (await xmlParts(fileBytes(file).bytes))
      .get('word/document.xml')!
      .split('<w:tbl>')
      .at(-1)!
      .split('<w:tr>')
      .slice(1);
    expect(signatureRows.map((row) => flat(row.replace(/<[^>]+>/g, ' ')).trim())).toEqual([
      `Председатель комиссии ${signatureName(chair.name)}`,
      `Члены комиссии ${signatureName(m1.name)}`,
      signatureName(m2.name),
    ]);
    for (const row of signatureRows) expect(row).toMatch(/<w:bottom w:val="single"/);
    // The export carries the year's signed acts only.
    const exported = await writeOffActsExportKind.build(api.db, Number(today.slice(0, 4)));
    expect(exported.map((f) => f.fileName)).toEqual([
      `Акт списания № ${today.slice(0, 4)}-001 от ${today.split('-').reverse().join('.')}.docx`,
      `Акт списания № ${today.slice(0, 4)}-002 от ${today.split('-').reverse().join('.')}.docx`,
    ]);
  }, 120_000);

  it('signed, keeps the commission and the titles it was signed with; a draft reads them anew', async () => {
    const year = Number(today.slice(0, 4));
    const signed = (await api.call('writeOffActs.list', { year })).find((a) => a.numberLabel?.endsWith('-001'))!;
    const draft = await api.call('writeOffActs.create', act([{ publicationId: collection.id, quantity: 1 }]));
    const atSigning = await api.call('writeOffActs.get', { id: signed.id });
    const wordAtSigning = (await xmlParts(fileBytes(await api.call('writeOffActs.docx', { id: signed.id })).bytes)).get(
      'word/document.xml',
    )!;

    // The chair's surname corrected in the registry (a marriage), the collection renamed.
    const chair = await api.call('people.get', { id: staff[0]!.id });
    await api.call('people.update', {
      id: chair.id,
      data: {
        lastName: 'Переименованная',
        firstName: chair.firstName,
        middleName: chair.middleName,
        position: chair.position,
        organizationId: chair.organizationId,
      },
    });
    const publication = await api.call('publications.get', { id: collection.id });
    await api.call('publications.update', {
      id: collection.id,
      data: { title: 'Сборник под новым названием', kindId: publication.kindId, year: publication.year },
    });

    const later = await api.call('writeOffActs.get', { id: signed.id });
    expect(later.members).toEqual(atSigning.members);
    expect(later.lines).toEqual(atSigning.lines);
    const wordLater = (await xmlParts(fileBytes(await api.call('writeOffActs.docx', { id: signed.id })).bytes)).get('word/document.xml')!;
    expect(wordLater).not.toContain('Переименованная');
    expect(wordLater).not.toContain('Сборник под новым названием');
    expect(wordLater).toBe(wordAtSigning);
    // The draft is still a paper in preparation: it shows the registry as it is now.
    const draftNow = await api.call('writeOffActs.get', { id: draft.id });
    expect(draftNow.members[0]!.name).toMatch(/^Переименованная /);
    expect(draftNow.lines[0]!.title).toBe('Сборник под новым названием');
  });
});
