import type { z } from 'zod';

/**
 * One call of the API between the UI and the main process: the schema its input must pass
 * and (as a phantom type) what it answers. The same object is used by the main process to
 * validate, by the preload to forward, and by the renderer to type its calls.
 */
export interface CallDef<I extends z.ZodType, O> {
  readonly input: I;
  /** Never set at run time: carries the output type only. */
  readonly output?: O;
}

export function call<I extends z.ZodType>(input: I) {
  return {
    returns<O>(): CallDef<I, O> {
      return { input };
    },
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

/** The envelope every call answers with, over IPC and over HTTP alike. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

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
