import fc from 'fast-check';
import path from 'node:path';
import { z } from 'zod';
import { PATH_KIND } from '@shared/contract/common';

/**
 * fast-check arbitraries written from zod 4 schemas (zod-fast-check knows only zod 3): the walk
 * reads each schema's definition (`schema._zod.def`: its type, shape, element, options, checks)
 * and produces inputs the schema accepts by construction — strings within their length and
 * pattern, numbers within their bounds — filled with what breaks programs: NUL, lone surrogates,
 * U+FFFE, right-to-left marks, 10,000-character texts, SQL and LIKE metacharacters, `../`,
 * Windows device names; numbers 0, -1, 2^53, NaN where allowed. A refinement the walk cannot
 * see (an existing date, a printable text) may still refuse some of them: that is a refusal
 * the test checks like any other. Paths (tagged `kind: 'path'`) are generated inside the sandbox.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  defaultValue?: unknown;
  coerce?: boolean;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The strings that break programs, each a schema-valid text unless the schema forbids its characters. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  'а',
  'NUL',
  'CON',
  'com1.txt',
  'LPT9',
  'aux.',
  '..',
  '../../etc/passwd',
  '..\\..\\Windows',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  '\ufffe',
  '\uffff',
  '\u202eгдв.exe',
  '\u200f\u200e',
  "'; DROP TABLE people; --",
  '%_\\',
  '" OR 1=1 --',
  '«ёлка» „Ё“',
  '\t\n\r',
  '😀👨‍👩‍👧',
  'С'.repeat(10_000),
  '1e309',
  'null',
  '__proto__',
  'constructor',
];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom('Иванова Мария Петровна', 'СОШ №1', 'Моршанский') },
);

function fit(text: string, min: number, max: number): string {
  let out = text.length > max ? text.slice(0, max) : text;
  while (out.length < min) out += 'ж';
  return out;
}

const ISO_DATE = /^\^\\d\{4\}-\\d\{2\}-\\d\{2\}\$$/;

function stringArbitrary(def: Def, sandbox: string, isPath: boolean): fc.Arbitrary<string> {
  let min = 0;
  let max = 20_000;
  let pattern: RegExp | undefined;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'min_length') min = Math.max(min, d.minimum!);
    if (d.check === 'max_length') max = Math.min(max, d.maximum!);
    if (d.check === 'length_equals') min = max = d.value as number;
    if (d.check === 'string_format' && d.pattern) pattern = d.pattern;
  }
  if (isPath) return pathArbitrary(sandbox);
  if (pattern) {
    if (ISO_DATE.test(pattern.source)) {
      return fc.oneof(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2017-02-29', '2016-02-29', '2017-13-01', '0000-01-01', '9999-12-31'),
      );
    }
    return fc
      .stringMatching(pattern)
      .map((s) => fit(s, min, max))
      .filter((s) => pattern!.test(s));
  }
  return hostileText.map((s) => fit(s, min, max));
}

/** Names for files and folders, hostile but never climbing out: `..` only where the path stays inside. */
const hostileName = fc.oneof(
  // The known troublemakers first: a few runs per call in `npm test` must meet them.
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'копия.sqlite',
      'manifest.json',
      'NUL',
      'con.sqlite',
      'a:b',
      'x?.sqlite',
      'имя.',
      'имя ',
      '\u202eфайл',
      'a\u0000b',
      '\ud800',
      'Выгрузка',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[/\\]/.test(s) && s !== '..' && s !== '.'),
  },
);

/** Files the sandbox holds for calls to find (a good backup, a manifest); set by the test. */
export const sandboxFiles: string[] = [];

export function pathArbitrary(sandbox: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...(sandboxFiles.length ? sandboxFiles : [sandbox])) },
    { weight: 4, arbitrary: fc.array(hostileName, { minLength: 1, maxLength: 3 }).map((names) => path.join(sandbox, ...names)) },
    // Inside the sandbox after resolution, but spelled with «..»: the validator refuses the spelling.
    { weight: 1, arbitrary: hostileName.map((name) => `${sandbox}/sub/../${name}`) },
    { weight: 1, arbitrary: fc.constant(`${sandbox}/${'д'.repeat(300)}`) },
  );
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let int = false;
  for (const c of def.checks ?? []) {
    const d = c._zod.def;
    if (d.check === 'number_format') int = true;
    if (d.check === 'greater_than') min = Math.max(min, Number(d.value) + (d.inclusive ? 0 : int ? 1 : Number.EPSILON));
    if (d.check === 'less_than') max = Math.min(max, Number(d.value) - (d.inclusive ? 0 : int ? 1 : Number.EPSILON));
  }
  const edges = [0, -1, 1, 2 ** 53, 2 ** 53 - 1, -(2 ** 53), 2000, 2017, 2100].filter(
    (n) => n >= min && n <= max && (!int || Number.isSafeInteger(n)),
  );
  // Small positive numbers hit the records the demo data has (ids 1…40).
  const lo = Math.max(Math.ceil(min), 1);
  const hi = Math.min(Math.floor(max), 40);
  const whole = fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) });
  const choices: fc.Arbitrary<number>[] = [whole];
  if (lo <= hi) choices.push(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi }));
  if (edges.length) choices.push(fc.constantFrom(...edges));
  if (!int) choices.push(fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true }));
  return fc.oneof(...choices);
}

/** An arbitrary of inputs `schema` accepts (by construction, up to refinements it cannot see). */
export function validArbitrary(schema: z.ZodType, sandbox: string, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const isPath = (z.globalRegistry.get(schema) as { kind?: string } | undefined)?.kind === PATH_KIND;
  const next = (s: z.ZodType) => validArbitrary(s, sandbox, depth + 1);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def, sandbox, isPath);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'literal':
      return fc.constantFrom(...(def.values as (string | number | boolean)[]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'any':
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    case 'optional':
      return fc.option(next(def.innerType!), { nil: undefined });
    case 'nullable':
      return fc.option(next(def.innerType!), { nil: null });
    case 'default':
    case 'prefault':
      // Leaving the value out lets the default apply; the key is then absent (see objects).
      return fc.option(next(def.innerType!), { nil: undefined, freq: 4 });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return next(def.innerType!);
    case 'pipe':
      return next(def.in!);
    case 'lazy':
      return depth > 6 ? fc.constant(undefined) : next(def.getter!());
    case 'union':
      return fc.oneof(...def.options!.map(next));
    case 'array': {
      let min = 0;
      let max = 6;
      for (const c of def.checks ?? []) {
        const d = c._zod.def;
        if (d.check === 'min_length') min = d.minimum!;
        if (d.check === 'max_length') max = Math.min(d.maximum!, Math.max(min, 6));
      }
      return fc.array(next(def.element!), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'object': {
      const entries = Object.entries(def.shape ?? {}).map(([key, value]) => [key, next(value)] as const);
      return fc.record(Object.fromEntries(entries)).map((obj) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
        return out;
      });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Inputs no schema of the contract should accept as they are: wrong types, extra keys, missing keys, huge shapes. */
export function invalidArbitrary(schema: z.ZodType, sandbox: string): fc.Arbitrary<unknown> {
  const valid = validArbitrary(schema, sandbox);
  return fc.oneof(
    fc.constantFrom(null, 0, -1, Number.NaN, 'строка', true, [], [null], { __proto__: null }, { constructor: 1 }),
    fc.jsonValue({ maxDepth: 3 }),
    valid.map((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...v, 'лишнее поле': '\u0000' } : [v])),
    valid.chain((v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.keys(v).length === 0) return fc.constant(v);
      const keys = Object.keys(v);
      return fc
        .tuple(fc.constantFrom(...keys), fc.constantFrom(null, 'текст', 2 ** 53, Number.NaN, [], {}, -1))
        .map(([key, bad]) => ({ ...v, [key]: bad }));
    }),
  );
}
