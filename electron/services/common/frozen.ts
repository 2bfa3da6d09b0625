import type { z } from 'zod';
import { DomainError } from '@main/api/errors';

/**
 * A frozen document: what a document showed when it became official (a plan at its approval,
 * minutes at their signature), kept as JSON beside the record and rendered from then on instead
 * of the live data, so a later edit never changes it silently.
 *
 * Each kind states its current version, a zod schema of that version, and an explicit upgrade
 * from every earlier version to the next one. Reading validates after upgrading; a snapshot that
 * is not JSON, of an unknown (newer) version, or that fails the schema is refused with a Russian
 * message — never replaced by the live data, which would print today's text under an old
 * signature.
 */
export interface FrozenKind<T> {
  /** The JSON to store: `{version, data}`, validated before it is written. */
  freeze(data: T): string;
  /**
   * The frozen data, upgraded to the current version and validated; a refusal otherwise.
   * `label` names the document in the refusal: «План работы на 2017 год (для утверждения)».
   */
  read(json: string, label: string): T;
  readonly version: number;
}

export function frozenKind<S extends z.ZodType>(options: {
  version: number;
  schema: S;
  /** `upgrades[n]` turns the data of version n into version n + 1. */
  upgrades?: Record<number, (data: unknown) => unknown>;
  /**
   * Recognises a copy stored before the kind was kept as `{version, data}` (signed minutes were
   * frozen as the screen's type): the whole stored value is then the data of version 0, and
   * `upgrades[0]` is required.
   */
  legacy?: (stored: unknown) => boolean;
}): FrozenKind<z.output<S>> {
  const { version, schema, upgrades = {}, legacy } = options;
  if (legacy && !upgrades[0]) throw new Error('Frozen document: a legacy shape needs an upgrade from version 0');
  for (let v = 1; v < version; v++) {
    if (!upgrades[v]) throw new Error(`Frozen document: no upgrade from version ${v} to ${v + 1}`);
  }
  const refuse = (label: string, why: string) =>
    new DomainError(
      'conflict',
      `${label}: зафиксированная копия не читается (${why}). Документ не будет построен из текущих данных, ` +
        'чтобы не выдать их за утверждённые: восстановите базу из резервной копии или зафиксируйте документ заново.',
    );
  return {
    version,
    freeze(data) {
      return JSON.stringify({ version, data: schema.parse(data) });
    },
    read(json, label) {
      let stored: unknown;
      try {
        stored = JSON.parse(json);
      } catch {
        throw refuse(label, 'запись повреждена');
      }
      const old = legacy?.(stored) === true;
      const from = old ? 0 : (stored as { version?: unknown } | null)?.version;
      if (typeof from !== 'number' || !Number.isInteger(from) || from < (old ? 0 : 1)) throw refuse(label, 'не указана версия');
      if (from > version) throw refuse(label, `версия ${from} записана более новой версией программы`);
      let data = old ? stored : (stored as { data?: unknown }).data;
      try {
        for (let v = from; v < version; v++) data = upgrades[v]!(data);
      } catch {
        // An upgrade meets data its version never had: the copy is damaged, not a bug to hide.
        throw refuse(label, 'данные не соответствуют описанию документа');
      }
      const parsed = schema.safeParse(data);
      if (!parsed.success) throw refuse(label, 'данные не соответствуют описанию документа');
      return parsed.data;
    },
  };
}
