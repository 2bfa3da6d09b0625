import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { frozenKind } from '@main/services/common/frozen';
import { endDot, forbiddenCharacter, midSentence, typeset, xmlSafe } from '@shared/documents/text';
import { freshApi, type Api } from '@tests/unit/meetings/helpers';

const NBSP = '\u00A0';

describe('typography of the printed text', () => {
  it('puts a no-break space after «№», whether typed with a space or without', () => {
    expect(typeset('сегмента №6 и МБОУ СОШ № 1')).toBe(`сегмента №${NBSP}6 и МБОУ СОШ №${NBSP}1`);
  });

  it('sets one dash, the en dash: spaced in a sentence, a spaced hyphen or an em dash typed by a user becomes one', () => {
    expect(typeset('Председатель — И.В. Орлова')).toBe(`Председатель${NBSP}–${NBSP}И.В.${NBSP}Орлова`);
    expect(typeset('итоги - 2017')).toBe(`итоги${NBSP}– 2017`);
    expect(typeset('2015–2017 годы, психолого-педагогических')).toBe('2015–2017 годы, психолого-педагогических');
    // A short word after the dash does not start a line: «– 0».
    expect(typeset('«против» – 0,')).toBe(`«против»${NBSP}–${NBSP}0,`);
  });

  it('keeps initials with their surname and «г.» with its name or year', () => {
    expect(typeset('А.Я. Гоберкорн')).toBe(`А.Я.${NBSP}Гоберкорн`);
    expect(typeset('Гоберкорн А.Я., директор')).toBe(`Гоберкорн${NBSP}А.Я., директор`);
    expect(typeset('г. Уварово, 16 января 2017 г.')).toBe(`г.${NBSP}Уварово, 16 января 2017${NBSP}г.`);
  });

  it('lowers a job title inside a sentence, but not an abbreviation', () => {
    expect(midSentence('Директор')).toBe('директор');
    expect(midSentence('И.о. начальника отдела')).toBe('и.о. начальника отдела');
    expect(midSentence('ПДН МО МВД')).toBe('ПДН МО МВД');
    expect(midSentence('МБОУ СОШ №1, учитель')).toBe('МБОУ СОШ №1, учитель');
  });

  it('ends a sentence with one full stop', () => {
    expect(endDot('Попова Л.А.')).toBe('Попова Л.А.');
    expect(endDot('Принять к сведению ')).toBe('Принять к сведению.');
  });
});

describe('characters XML 1.0 forbids', () => {
  it('are found with their place and stripped at output; tab, line feed, ё and astral characters are kept', () => {
    expect(forbiddenCharacter('Ёлкина\tА.\nП. 😀')).toBeNull();
    expect(forbiddenCharacter('абв\uFFFEг')).toEqual({ position: 4, code: 'U+FFFE' });
    expect(forbiddenCharacter('\u0007')).toEqual({ position: 1, code: 'U+0007' });
    expect(forbiddenCharacter('a\uD800b')).toEqual({ position: 2, code: 'U+D800' });
    expect(xmlSafe('а\u0001б\u000Bв\uFFFFг\uD800д😀')).toBe('абвгд😀');
  });

  it('are refused in typed text by the contract, with a Russian message that says where', async () => {
    const api: Api = freshApi();
    try {
      const error = await api.refusal('organizations.create', { fullName: 'МБОУ\uFFFE СОШ', type: 'education' });
      expect(error.message).toBe('Поле «Полное наименование» содержит недопустимый (невидимый) символ U+FFFE на 5-й позиции: удалите его');
      expect((await api.call('organizations.list', {})).total).toBe(0);
      const search = await api.refusal('organizations.list', { search: 'опека\u0007' });
      expect(search.message).toContain('Строка поиска содержит недопустимый (невидимый) символ U+0007 на 6-й позиции');
    } finally {
      api.cleanup();
    }
  });
});

describe('frozen documents', () => {
  const v2 = z.object({ title: z.string(), pages: z.number() }).strict();
  const kind = frozenKind({ version: 2, schema: v2, upgrades: { 1: (d) => ({ ...(d as object), pages: 1 }) } });

  it('are stored with their version, validated, and upgraded explicitly from an earlier version', () => {
    expect(JSON.parse(kind.freeze({ title: 'План', pages: 3 }))).toEqual({ version: 2, data: { title: 'План', pages: 3 } });
    expect(() => kind.freeze({ title: 'План' } as never)).toThrow();
    expect(kind.read(JSON.stringify({ version: 1, data: { title: 'План' } }), 'План')).toEqual({ title: 'План', pages: 1 });
  });

  it('refuse in Russian what they cannot read, never falling back to anything else', () => {
    expect(() => kind.read('{', 'План на 2017 год')).toThrow('План на 2017 год: зафиксированная копия не читается (запись повреждена).');
    expect(() => kind.read('{"data":{}}', 'План')).toThrow('(не указана версия)');
    expect(() => kind.read('{"version":3,"data":{}}', 'План')).toThrow('(версия 3 записана более новой версией программы)');
    expect(() => kind.read('{"version":2,"data":{"title":1}}', 'План')).toThrow('(данные не соответствуют описанию документа)');
  });

  it('need an upgrade from every earlier version', () => {
    expect(() => frozenKind({ version: 3, schema: v2, upgrades: { 1: (d) => d } })).toThrow('no upgrade from version 2 to 3');
  });
});

let api: Api;
beforeEach(() => {
  api = freshApi();
});
afterEach(() => api.cleanup());

describe('the print views', () => {
  it('get the very blocks the Word files are rendered from, refusals included', async () => {
    await api.call('app.initialize', { mode: 'demo' });
    const view = await api.call('workPlan.documentView', { year: 2017, doc: 'approval' });
    expect(view.orientation).toBe('landscape');
    expect(view.blocks[0]).toMatchObject({
      kind: 'corner',
      lines: ['УТВЕРЖДАЮ', expect.stringContaining('Директор'), expect.any(String), '16 января 2017 г.'],
    });
    const held = (await api.call('meetings.list', { status: 'held' })).rows[0]!;
    const minutes = await api.call('meetings.documentView', { id: held.id, doc: 'full' });
    expect(minutes.draft).toBe(true);
    const refused = await api.refusal('meetings.documentView', { id: held.id, doc: 'extract' });
    expect(refused.message).toContain('ещё не подписан');
  });
});
