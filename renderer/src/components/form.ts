import { useState } from 'react';
import type { CallInput, CallName } from '@shared/contract';
import { useChange } from '@renderer/api/client';
import { useFieldErrors } from './screen';

/**
 * A form's draft together with the server's field errors. Changing a field clears the error
 * under it under both names the server may use: `title` for a create call, `data.title` for an
 * update (`errors.of` reads both, so both must go). `field` names the error when it differs from
 * the draft key, e.g. `term.date` for the draft's `date`.
 */
export function useDraft<T extends object>(initial: T | (() => T)) {
  const [draft, setDraft] = useState<T>(initial);
  const errors = useFieldErrors();
  const set = <K extends keyof T & string>(key: K, value: T[K], field: string = key) => {
    setDraft((d) => ({ ...d, [key]: value }));
    errors.clear(field);
    errors.clear(`data.${field}`);
  };
  return { draft, setDraft, set, errors };
}

/** The calls that change an existing record: they take `{ id, data }`. */
type UpdateCallName = { [K in CallName]: CallInput<K> extends { id: number; data: unknown } ? K : never }[CallName];
type UpdateData<U extends UpdateCallName> = CallInput<U> extends { data: infer D } ? D : never;

/**
 * Saving a create-or-edit form: the same fields go to the create call as they are and to the
 * update call as `{ id, data }`. A refusal's field errors go under the fields (`onError`),
 * success closes the form (`onSaved`).
 */
export function useCreateOrUpdate<C extends CallName, U extends UpdateCallName>(
  calls: { create: C; update: U; created: string },
  handlers: { onSaved: () => void; onError: (error: unknown) => void },
) {
  const create = useChange(calls.create, { success: calls.created });
  const update = useChange(calls.update, { success: 'Изменения сохранены' });
  const callbacks = { onSuccess: () => handlers.onSaved(), onError: handlers.onError };
  return {
    saving: create.isPending || update.isPending,
    /** `id` is the edited record's, or null for a new one. */
    save: (id: number | null, data: CallInput<C> & UpdateData<U>) => {
      // The cast only assembles `{ id, data }`, which UpdateCallName guarantees U takes.
      if (id !== null) update.mutate({ id, data } as CallInput<U>, callbacks);
      else create.mutate(data, callbacks);
    },
  };
}
