import type { z } from 'zod';

/**
 * What the form stack reads from a call's zod schema besides validating with it: the longest
 * text a field may hold (its counter), and where an error of the call's input is shown in the
 * form. Zod 4 keeps a schema's structure in `_zod.def`; only the kinds the contract uses are
 * walked (objects, arrays, unions, and the wrappers around them).
 */

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schema under `.default()`, `.nullable()`, `.optional()`, a transform's input. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const def = defOf(s);
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else return s;
  }
}

/** The schemas a path can lead to (a union gives one per option that has the path). */
function schemasAt(schema: z.ZodType, path: string[]): z.ZodType[] {
  const s = unwrap(schema);
  if (path.length === 0) return [s];
  const def = defOf(s);
  const [head, ...rest] = path as [string, ...string[]];
  if (def.type === 'object' && def.shape && Object.hasOwn(def.shape, head)) return schemasAt(def.shape[head]!, rest);
  if (def.type === 'array' && def.element && /^\d+$/.test(head)) return schemasAt(def.element, rest);
  if (def.type === 'union' && def.options) return def.options.flatMap((option) => schemasAt(option, path));
  return [];
}

/** The longest text the schema lets through at a form path, or null when it sets no limit (or it is no text). */
export function maxLengthAt(schema: z.ZodType, formPath: string): number | null {
  const parts = formPath.split('.');
  // An update call edits `data`: the form's paths are relative to it.
  const found = [...schemasAt(schema, ['data', ...parts]), ...schemasAt(schema, parts)];
  for (const s of found) {
    const max = defOf(s).type === 'string' ? (s as z.ZodString).maxLength : null;
    if (typeof max === 'number' && Number.isFinite(max)) return max;
  }
  return null;
}

/** Where the server's or the schema's error path shows in a form that edits an update call's `data`. */
export const withoutDataPrefix = (inputPath: string): string => inputPath.replace(/^data(\.|$)/, '');

/**
 * A list the form shows with rows its input leaves out (an empty speaker row, a blank decision):
 * maps an input row's index back to the form's row. `kept[i]` is the form index of input row i.
 */
export function keptRows<T>(rows: readonly T[], keep: (row: T) => boolean): number[] {
  return rows.flatMap((row, index) => (keep(row) ? [index] : []));
}

/** Rewrites `list.<i>` at the start of a path through `kept`. */
export function remapRow(path: string, list: string, kept: readonly number[]): string {
  const match = new RegExp(`^${list}\\.(\\d+)(.*)$`).exec(path);
  if (!match) return path;
  const index = kept[Number(match[1])];
  return index === undefined ? path : `${list}.${index}${match[2]}`;
}

/** Form errors keyed by form path: the first message for each. */
export function mapErrors(errors: Record<string, unknown>, fieldOf: (path: string) => string): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (message === null || message === undefined || message === '') continue;
    const field = fieldOf(path === '_' ? '' : path);
    mapped[field] ??= String(message);
  }
  return mapped;
}

/** The value at a dotted path (`decisions.0.text`). */
export function getPath(path: string, values: unknown): unknown {
  let at: unknown = values;
  for (const part of path.split('.')) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
