import type { z } from 'zod';
import type { AnyCallDef, CallError, CallGroup, Result, UnionToIntersection } from '@shared/contract/define';
import type { AppDb } from '@db/open';
import { DomainError } from './errors';

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
}

/** The implementation of a contract: one function per call name, typed from the contract. */
export type Handlers<C extends CallGroup> = {
  [K in keyof C]: (ctx: CallContext, input: InputOf<C[K]>) => OutputOf<C[K]> | Promise<OutputOf<C[K]>>;
};

export type AnyHandler = (ctx: CallContext, input: never) => unknown;

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

/**
 * The single entry point of every call, used by the IPC handler and by the browser host:
 * unknown names and malformed payloads are refused before any handler (and so any write)
 * runs, and every failure becomes an envelope with a Russian message.
 */
export function createDispatcher(
  contract: Record<string, AnyCallDef>,
  handlers: Record<string, AnyHandler>,
  ctx: CallContext,
  log: Logger = (m, e) => console.error(m, e),
) {
  for (const name of Object.keys(contract)) {
    if (!Object.hasOwn(handlers, name)) throw new Error(`No handler for contract call: ${name}`);
  }
  return async function dispatch(name: string, payload: unknown): Promise<Result<unknown>> {
    if (typeof name !== 'string' || !Object.hasOwn(contract, name)) {
      return { ok: false, error: { code: 'unknown_call', message: 'Неизвестная команда приложения' } };
    }
    const def = contract[name]!;
    const parsed = def.input.safeParse(payload ?? undefined);
    if (!parsed.success) return { ok: false, error: zodIssuesToError(parsed.error) };
    try {
      const value = await handlers[name]!(ctx, parsed.data as never);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } };
      }
      log(`Call ${name} failed`, error);
      return {
        ok: false,
        error: { code: 'internal', message: 'Внутренняя ошибка приложения: действие не выполнено, данные не изменены' },
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;
