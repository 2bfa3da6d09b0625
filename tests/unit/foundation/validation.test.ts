import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { createApp, type App } from '@main/api/app';
import { contract } from '@shared/contract';
import { storedTables } from './tables';

/**
 * Every call of the real contract, present and future, must refuse malformed input with a
 * Russian message and write nothing. The payloads are derived from each call's own schema,
 * so a register added later is covered without touching this file.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: { _zod: { def: Def } };
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema behind defaults, optionals and pipes, if the input is an object at all. */
function objectOf(schema: z.ZodType): z.ZodType | undefined {
  const def = defOf(schema);
  if (def.type === 'object') return schema;
  if (def.innerType) return objectOf(def.innerType);
  if (def.type === 'pipe' && def.in) return objectOf(def.in);
  return undefined;
}

/** Every object schema reachable from `schema`, with its path, for the strictness check. */
function objectsWithin(schema: z.ZodType, at = '', seen = new Set<unknown>()): { path: string; schema: z.ZodType }[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema);
  const found: { path: string; schema: z.ZodType }[] = [];
  if (def.type === 'object') {
    found.push({ path: at || '(вход)', schema });
    for (const [key, field] of Object.entries(def.shape ?? {})) found.push(...objectsWithin(field, at ? `${at}.${key}` : key, seen));
  }
  for (const inner of [def.innerType, def.in, def.element, ...(def.options ?? [])])
    if (inner) found.push(...objectsWithin(inner, at, seen));
  return found;
}

const WRONG_VALUES: unknown[] = [12345, -1.5, 'не то', true, [], [1, 2], { лишнее: 1 }, null];

/**
 * For each field (and each field of nested objects): a payload where only that field has a
 * value its own schema refuses. The refusal must name that field.
 */
function wrongFieldPayloads(schema: z.ZodType, prefix: string[] = []): { field: string; payload: unknown }[] {
  const object = objectOf(schema);
  if (!object) return [];
  const result: { field: string; payload: unknown }[] = [];
  for (const [key, field] of Object.entries(defOf(object).shape ?? {})) {
    const wrong = WRONG_VALUES.filter((v) => !field.safeParse(v).success);
    for (const value of wrong) result.push({ field: [...prefix, key].join('.'), payload: nest([...prefix, key], value) });
    for (const nested of wrongFieldPayloads(field, [...prefix, key])) result.push(nested);
  }
  return result;
}

function nest(keys: string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);
}

/** Every row of every table, so any write at all shows up as a difference. */
function snapshot(sqlite: Database.Database): string {
  const tables = storedTables(sqlite).filter((t) => !t.name.startsWith('sqlite_'));
  return JSON.stringify(tables.map(({ name, select }) => [name, sqlite.prepare(select).all()]));
}

const CYRILLIC = /[А-Яа-яЁё]/;
const names = Object.keys(contract).sort();

let dataDir: string;
let app: App;
let before: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-validation-'));
  app = createApp({ dataDir });
  expect((await app.dispatch('app.initialize', { mode: 'empty' })).ok).toBe(true);
  // Some data in place, so an update or delete that slipped through would show.
  const municipality = await app.dispatch('municipalities.create', { type: 'district', properName: 'Кировский' });
  expect(municipality.ok).toBe(true);
  const organization = await app.dispatch('organizations.create', { fullName: 'Отдел опеки и попечительства', type: 'guardianship' });
  expect(organization.ok).toBe(true);
  before = snapshot(app.sqlite);
});

afterAll(() => {
  app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function expectRefused(name: string, payload: unknown, field?: string) {
  const result = await app.dispatch(name, payload);
  const shown = `${name} ← ${JSON.stringify(payload)}`;
  expect(result.ok, shown).toBe(false);
  if (result.ok) return;
  expect(result.error.code, shown).toBe('validation');
  expect(result.error.message, shown).toMatch(CYRILLIC);
  for (const message of Object.values(result.error.fields ?? {})) expect(message, shown).toMatch(CYRILLIC);
  if (field) {
    // The message may sit on the field itself or on a part of it (`term.kind`, `speakers.0`).
    const message = Object.entries(result.error.fields ?? {}).find(([key]) => key === field || key.startsWith(`${field}.`))?.[1];
    expect(
      typeof message === 'string' && CYRILLIC.test(message),
      `${shown}: no message for «${field}» in ${JSON.stringify(result.error.fields)}`,
    ).toBe(true);
  }
  expect(snapshot(app.sqlite), `${shown} wrote to the database`).toBe(before);
}

describe('every call refuses malformed input without writing', () => {
  it('covers the whole contract', () => {
    expect(names.length).toBeGreaterThan(20);
  });

  it.each(names)('%s: non-object payloads', async (name) => {
    for (const payload of [42, 'строка', true, [], [{}]]) await expectRefused(name, payload);
  });

  it.each(names)('%s: an unknown extra key', async (name) => {
    await expectRefused(name, { неизвестноеПоле: 1 });
  });

  it.each(names)('%s: every field with a value of the wrong type', async (name) => {
    for (const { field, payload } of wrongFieldPayloads(contract[name as keyof typeof contract].input))
      await expectRefused(name, payload, field);
  });

  it.each(names)('%s: every object in the input is strict (unknown keys are refused, not dropped)', (name) => {
    const loose = objectsWithin(contract[name as keyof typeof contract].input)
      .filter(({ schema }) => defOf(schema).catchall?._zod.def.type !== 'never')
      .map(({ path }) => path);
    expect(loose, `${name}: objects that silently drop unknown keys`).toEqual([]);
  });
});

describe("zod's own messages", () => {
  it('are Russian to the end, also for input no form sends (the locale said «ожидалось object, получено null»)', () => {
    const input = contract['people.create'].input;
    const messages = [null, { lastName: 5 }, { lastName: 'Иванова', firstName: 'Мария', лишнее: 1 }, [1]].map(
      (payload) => input.safeParse(payload).error?.issues[0]?.message ?? '',
    );
    expect(messages).toEqual([
      'Неверные данные: ожидалось: набор полей, передано пустое значение (null)',
      expect.stringMatching(/^[^A-Za-z]*$/),
      'Лишнее поле: «лишнее»',
      'Неверные данные: ожидалось: набор полей, передан список',
    ]);
    for (const message of messages) expect(message).toMatch(/^[^A-Za-z]*(null)?[^A-Za-z]*$/);
  });
});
