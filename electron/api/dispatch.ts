import type { z } from 'zod';
import type { AnyCallDef, CallError, CallGroup, Register, Result, UndoRef, UnionToIntersection } from '@shared/contract/define';
import type { AppDb } from '@db/open';
import type { FileKind } from '@shared/contract/files';
import { takeRecordedUndo } from '@db/journal';
import { DomainError } from './errors';
import { fileErrorMessage, UserFileError } from '@db/fileErrors';
import { refuseWhileWritesHeld } from './writeGate';
import { inputLimitProblem } from './inputLimits';

type InputOf<D> = D extends { input: infer I extends z.ZodType } ? z.output<I> : never;
type OutputOf<D> = D extends { output?: infer O } ? O : never;

/** What a handler receives besides its input. */
export interface CallContext {
  db: AppDb;
  env: AppEnv;
}

/** Where this instance keeps its data, for calls that report or write next to it. */
export interface AppEnv {
  version: string;
  dataDir: string;
  dbFile: string;
  /** The Electron window's «Открыть» dialog, run in the main process; absent in the browser host. */
  chooseFile?: (kind: FileKind) => Promise<string | undefined>;
  /**
   * The Electron window's PDF of a print view (a hidden window on `route`, Chromium's
   * printToPDF, landscape A4); absent in the browser host, where the print dialog saves a PDF.
   */
  printToPdf?: (route: string) => Promise<Buffer>;
  /**
   * The Electron window's handout printing (electron/window/printFile.ts): a PDF sent to the
   * printer with the number of copies, a DOCX opened in the system's application. Absent in the
   * browser host, where the page downloads the file.
   */
  printFile?: (request: PrintRequest) => Promise<void>;
}

/** A copy of a stored file (in a private work folder) to print or to open. */
export interface PrintRequest {
  file: string;
  action: 'print' | 'open';
  copies: number;
}

/** What one call reports about itself while it runs. */
export interface CallScope {
  /** A register the contract lists under `mayChange` did change this time. */
  changed(...registers: readonly Register[]): void;
}

/**
 * The implementation of a contract: one function per call name, typed from the contract. A
 * `db` call's handler is synchronous (it runs inside one better-sqlite3 transaction, which
 * cannot span a promise); the others may be async.
 */
export type Handlers<C extends CallGroup> = {
  [K in keyof C]: C[K] extends { kind: 'db' }
    ? (ctx: CallContext, input: InputOf<C[K]>, scope: CallScope) => OutputOf<C[K]>
    : (ctx: CallContext, input: InputOf<C[K]>, scope: CallScope) => OutputOf<C[K]> | Promise<OutputOf<C[K]>>;
};

export type AnyHandler = (ctx: CallContext, input: never, scope: CallScope) => unknown;

/** Joins the registers' handler groups; a name implemented twice fails at start-up. */
export function mergeHandlers<G extends readonly object[]>(...groups: G): UnionToIntersection<G[number]> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Handler registered twice: ${name}`);
      merged[name] = fn;
    }
  }
  return merged as UnionToIntersection<G[number]>;
}

export function zodIssuesToError(error: z.ZodError): CallError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'Данные заполнены неверно';
  return { code: 'validation', message: first, fields };
}

export type Logger = (message: string, error: unknown) => void;

/** A programming error: a `db` handler must not return a promise (its writes would run outside the transaction). */
export class AsyncDbHandlerError extends Error {
  constructor(name: string) {
    super(`The handler of the db call ${name} returned a promise: a db handler must be synchronous`);
    this.name = 'AsyncDbHandlerError';
  }
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';

/** Refuses what can be seen at start-up: a handler missing, or a `db` handler declared async. */
function checkHandlers(contract: Record<string, AnyCallDef>, handlers: Record<string, AnyHandler>): void {
  for (const [name, def] of Object.entries(contract)) {
    if (!Object.hasOwn(handlers, name)) throw new Error(`No handler for contract call: ${name}`);
    if (def.kind === 'db' && handlers[name]!.constructor.name === 'AsyncFunction') throw new AsyncDbHandlerError(name);
  }
}

/**
 * The single entry point of every call, used by the IPC handler and by the browser host:
 * unknown names and malformed payloads are refused before any handler (and so any write)
 * runs, and every failure becomes an envelope with a Russian message. A `db` call runs in one
 * IMMEDIATE transaction: whatever it wrote before a refusal or a bug is rolled back, so the
 * internal-error message can truthfully say nothing changed.
 */
export function createDispatcher(
  contract: Record<string, AnyCallDef>,
  handlers: Record<string, AnyHandler>,
  ctx: CallContext,
  log: Logger = (m, e) => console.error(m, e),
) {
  checkHandlers(contract, handlers);

  function runDb(name: string, handler: AnyHandler, input: never, scope: CallScope): { value: unknown; undo: UndoRef[] } {
    const sqlite = ctx.db.$client;
    // Whatever an earlier call left recorded (a service called outside the dispatcher) is not this call's.
    takeRecordedUndo(sqlite);
    return sqlite
      .transaction(() => {
        const value = handler(ctx, input, scope);
        if (isPromise(value)) {
          // The promise's rejection is the same bug; this throw reports it and rolls back.
          value.catch(() => undefined);
          throw new AsyncDbHandlerError(name);
        }
        return { value, undo: takeRecordedUndo(sqlite) };
      })
      .immediate();
  }

  return async function dispatch(name: string, payload: unknown): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(contract, name)) {
      return { ok: false, error: { code: 'unknown_call', message: 'Неизвестная команда приложения' } };
    }
    const def = contract[name]!;
    const tooLarge = inputLimitProblem(payload);
    if (tooLarge) return { ok: false, error: { code: 'validation', message: tooLarge } };
    const parsed = def.input.safeParse(payload ?? undefined);
    if (!parsed.success) return { ok: false, error: zodIssuesToError(parsed.error) };
    const reported = new Set<Register>();
    const scope: CallScope = {
      changed(...registers) {
        for (const register of registers) {
          if (!def.changes.includes(register) && !def.mayChange.includes(register)) {
            throw new Error(`${name} reported a change of ${register}, which its contract does not list`);
          }
          reported.add(register);
        }
      },
    };
    try {
      const handler = handlers[name]!;
      let value: unknown;
      let undo: UndoRef[] = [];
      if (def.kind === 'db') {
        refuseWhileWritesHeld();
        ({ value, undo } = runDb(name, handler, parsed.data as never, scope));
      } else {
        // A job that writes as it starts (an export's log entry) is refused like any change;
        // following or cancelling jobs (`jobs` alone) is not.
        if (def.kind === 'job' && def.changes.some((r) => r !== 'jobs')) refuseWhileWritesHeld();
        value = await handler(ctx, parsed.data as never, scope);
      }
      if (def.kind === 'read') return { ok: true, value: value ?? null };
      // A job has changed only `jobs` when its call answers (and what its handler reports having
      // written as it started, an export's log entry): the rest is refreshed when the job ends
      // (Job.changes). Refreshed now, an import's preview of 60,000 rows was read again beside it.
      const changed = [...new Set([...(def.kind === 'job' ? ['jobs' as const] : def.changes), ...reported])];
      return { ok: true, value: value ?? null, changed, ...(undo.length ? { undo: undo.at(-1)! } : {}) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      }
      // A file the user named, a disk that is full or write-protected: a Russian refusal, not a bug.
      const fileProblem = fileErrorMessage(error);
      if (fileProblem) {
        if (!(error instanceof UserFileError)) log(`Call ${name} met a file error`, error);
        return { ok: false, error: { code: 'conflict', message: fileProblem } };
      }
      log(`Call ${name} failed`, error);
      return {
        ok: false,
        error: {
          code: 'internal',
          message:
            def.kind === 'db'
              ? 'Внутренняя ошибка приложения: действие не выполнено, данные не изменены'
              : 'Внутренняя ошибка приложения: действие не выполнено',
        },
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
