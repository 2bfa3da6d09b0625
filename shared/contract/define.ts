import type { z } from 'zod';

/**
 * What a call's answer depends on and what a change touches, in the units the UI refreshes
 * by. The registry is split into its parts, because its lists depend on each other in known
 * ways (an organisation's people count, a person's organisation name). `names` stands for
 * what other registers show of the registry — people's names and positions, organisations'
 * names — so a phone number changed in the registry refreshes no plan and no minutes, while
 * a corrected surname does. `lists` are the editable lists of values (a plan item's form): a
 * call whose answer shows a value's text reads it.
 */
export const REGISTERS = [
  'app',
  'profile',
  'municipalities',
  'organizations',
  'people',
  'names',
  'lists',
  'workPlan',
  'meetings',
  'events',
  'publications',
  'exchange',
  'backups',
  'jobs',
  'undo',
  'files',
  'indicators',
  'certificates',
  'imports',
  'reports',
  'news',
] as const;
export type Register = (typeof REGISTERS)[number];

/**
 * - `read`: changes nothing; `reads` lists the registers its answer shows.
 * - `db`: changes the database; the dispatcher runs its handler synchronously in one
 *   transaction, so a refusal or a bug at any point leaves the database as it was.
 * - `job`: starts long work and answers at once with a job (see the jobs contract); the work
 *   writes in short transactions of its own. `changes` lists what the job changes (while the
 *   gate is held for an import, such a job is refused at start); the starting call's answer
 *   names only `jobs` and what its handler reports, the job's own changes are refreshed when it ends.
 * - `file`: writes files (a backup, a copy of a package), and a restore that replaces the
 *   database file; never inside a transaction.
 */
export type CallKind = 'read' | 'db' | 'job' | 'file';

/** Titles of a refusal, naming the action that did not happen. */
export const REFUSED = {
  save: 'Не сохранено',
  delete: 'Не удалено',
  move: 'Не перемещено',
  sign: 'Не подписано',
  hold: 'Не проведено',
  reopen: 'Не возвращено в черновики',
  unlock: 'Подпись не снята',
  copy: 'Не перенесено',
  create: 'Не создано',
  add: 'Не добавлено',
  carry: 'Не перенесено',
  export: 'Не выгружено',
  check: 'Не проверено',
  open: 'Не открыто',
  backup: 'Копия не создана',
  restore: 'Не восстановлено',
  prepare: 'Не подготовлено',
  cancel: 'Не отменено',
  undo: 'Не отменено',
  load: 'Не загружено',
  issue: 'Не выдано',
  approve: 'Не утверждено',
  unlockReport: 'Не снято утверждение',
  merge: 'Не объединено',
  publish: 'Не опубликовано',
} as const;

/**
 * One call of the API between the UI and the main process: the schema its input must pass,
 * what kind of call it is and what it reads or changes, and (as a phantom type) what it
 * answers. The same object is used by the main process to validate and to run the handler
 * in the right way, by the preload to forward, and by the renderer to type its calls and to
 * refresh what a change made stale.
 */
export interface CallDef<I extends z.ZodType, O, K extends CallKind = CallKind> {
  readonly input: I;
  readonly kind: K;
  /** For a read: the registers whose change makes its answer stale. */
  readonly reads: readonly Register[];
  /** For a change: the registers every successful call changes. */
  readonly changes: readonly Register[];
  /** Registers a call changes only in some cases; its handler reports them (`scope.changed`). */
  readonly mayChange: readonly Register[];
  /** The title of the notification when the call is refused. */
  readonly refusal: string;
  /** Never set at run time: carries the output type only. */
  readonly output?: O;
}

interface ChangeOptions {
  mayChange?: readonly Register[];
}

function changing<I extends z.ZodType, K extends Exclude<CallKind, 'read'>>(
  input: I,
  kind: K,
  changes: readonly Register[],
  refusal: string,
  options: ChangeOptions,
) {
  return {
    returns<O>(): CallDef<I, O, K> {
      return { input, kind, reads: [], changes, mayChange: options.mayChange ?? [], refusal };
    },
  };
}

/**
 * `call(input).reads('people', 'organizations').returns<Page<Person>>()`, or for a change
 * `call(input).db(['people'], REFUSED.delete).returns<null>()` (likewise `.job`, `.file`).
 */
export function call<I extends z.ZodType>(input: I) {
  return {
    reads(...reads: Register[]) {
      return {
        returns<O>(): CallDef<I, O, 'read'> {
          return { input, kind: 'read', reads, changes: [], mayChange: [], refusal: REFUSED.load };
        },
      };
    },
    db: (changes: readonly Register[], refusal: string, options: ChangeOptions = {}) => changing(input, 'db', changes, refusal, options),
    job: (changes: readonly Register[], refusal: string, options: ChangeOptions = {}) => changing(input, 'job', changes, refusal, options),
    file: (changes: readonly Register[], refusal: string, options: ChangeOptions = {}) =>
      changing(input, 'file', changes, refusal, options),
  };
}

export type AnyCallDef = CallDef<z.ZodType, unknown>;
export type CallGroup = Record<string, AnyCallDef>;

export type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * Merges the registers' call groups into one contract. A name defined twice is a programming
 * error that would silently shadow a handler, so it fails at start-up rather than at call time.
 */
export function mergeGroups<G extends readonly CallGroup[]>(...groups: G): UnionToIntersection<G[number]> {
  const merged: Record<string, AnyCallDef> = {};
  for (const group of groups) {
    for (const [name, def] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Contract call defined twice: ${name}`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<G[number]>;
}

/** What a change can take back: its entry in the undo journal. */
export interface UndoRef {
  id: number;
  /** Russian: «Удалён специалист Иванова Мария Петровна». */
  label: string;
}

/**
 * The envelope every call answers with, over IPC and over HTTP alike. A change names the
 * registers it changed, so the UI refreshes only what shows them, and a deletion names its
 * undo journal entry.
 */
export type Result<T> = { ok: true; value: T; changed?: Register[]; undo?: UndoRef } | { ok: false; error: CallError };

export interface CallError {
  /** `validation` for bad input, `conflict` for a refused change, `not_found`, `internal`. */
  code: 'validation' | 'conflict' | 'not_found' | 'internal' | 'unknown_call';
  /** Russian, shown to the user as is. */
  message: string;
  /** Field path → Russian message, for forms. */
  fields?: Record<string, string>;
}

/** A generated document travels as base64 so the same envelope works over IPC and JSON. */
export interface FileOutput {
  fileName: string;
  mimeType: string;
  base64: string;
}
