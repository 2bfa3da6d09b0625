import { notifications } from '@mantine/notifications';
import { QueryCache, QueryClient, useMutation, useQuery, type Query, type UseQueryOptions } from '@tanstack/react-query';
import { REFUSED, type CallError, type Register, type UndoRef } from '@shared/contract/define';
import { callSets } from '@shared/contract/callSets';
// Types only: the contract's values carry every zod schema, which the first screen must not load.
import type { CallInput, CallName, CallOutput } from '@shared/contract';
import { invoke } from './transport';

/** A refused call: `message` is Russian and meant for the user, `fields` for the form. */
export class ApiError extends Error {
  constructor(readonly error: CallError) {
    super(error.message);
  }
  get fields(): Record<string, string> {
    return this.error.fields ?? {};
  }
}

const isCallName = (name: unknown): name is CallName => typeof name === 'string' && Object.hasOwn(callSets, name);

/** Whether a cached answer shows one of the changed registers, by its call's read set in the contract (callSets.ts). */
export function showsAny(query: Pick<Query, 'queryKey'>, changed: readonly Register[]): boolean {
  const name = query.queryKey[0];
  return isCallName(name) && callSets[name].reads.some((register) => changed.includes(register));
}

/** `meta` of a read whose screen shows its refusal in place: `useCall(name, input, { meta: { [SHOWS_OWN_REFUSAL]: true } })`. */
export const SHOWS_OWN_REFUSAL = 'showsOwnRefusal';

/**
 * The application's query cache. Answers stay fresh until a change names a register they
 * read (the app is the only writer of its data, but for the scheduled export's log, whose
 * screen asks again when opened): a change refreshes what shows it, and nothing else. A read
 * that fails says so on every screen, once per message, instead of leaving a list looking empty.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      // A read whose screen shows the refusal itself (an import's preview, inside its dialog) gets no second one beside it.
      if (query.meta?.[SHOWS_OWN_REFUSAL]) return;
      notifications.show({ id: `read-failed:${error.message}`, color: 'red', title: REFUSED.load, message: error.message });
    },
  }),
  defaultOptions: {
    queries: {
      retry: false,
      refetchOnWindowFocus: false,
      staleTime: Infinity,
      // A screen whose data never arrived shows the route's error element (App.tsx); a failed
      // refresh keeps the data on screen, with the notification.
      throwOnError: (_error, query) => query.state.data === undefined,
    },
  },
});

/**
 * A query marked `meta: { background: true }` (a picture the main process draws, such as a
 * balance chart) is refreshed without the change waiting for it: the button that made the change
 * stops spinning once the figures on screen are new, and the picture follows.
 */
const inBackground = (query: Pick<Query, 'meta'>) => query.meta?.background === true;

/**
 * Refreshes what shows the changed registers: screens on view at once, the rest when next opened.
 * A read still under way for no screen (the launch's prime of the first screen, asked while the
 * first-run choice built the demo) began before the change: its answer would clear the
 * invalidation and stay in the cache, so it is stopped, and the screen asks again when it opens.
 */
export async function refresh(changed: readonly Register[]): Promise<void> {
  const predicate = (query: Query) => showsAny(query, changed);
  await queryClient.cancelQueries({ type: 'inactive', fetchStatus: 'fetching', predicate });
  void queryClient.invalidateQueries({ predicate: (query) => inBackground(query) && predicate(query) });
  return queryClient.invalidateQueries({ predicate: (query) => !inBackground(query) && predicate(query) });
}

type UndoNotice = (undo: UndoRef, message: string | undefined) => void;
let showUndo: UndoNotice | undefined;

/** The screen's way of offering «Отменить» after a deletion (api/undo.tsx registers it). */
export function onUndoable(notice: UndoNotice): void {
  showUndo = notice;
}

/**
 * Makes a call and, if it changed anything, refreshes what shows it before answering, so the
 * caller sees the new state. A deletion offers its undo (`success` becomes its message).
 */
export async function callApi<K extends CallName>(name: K, input: CallInput<K>, success?: string): Promise<CallOutput<K>> {
  const result = await invoke(name, input);
  if (!result.ok) throw new ApiError(result.error);
  if (result.changed?.length) await refresh(result.changed);
  if (result.undo && showUndo) showUndo(result.undo, success);
  else if (success) notifications.show({ color: 'green', message: success });
  return result.value as CallOutput<K>;
}

export function useCall<K extends CallName>(
  name: K,
  input: CallInput<K>,
  options: Omit<UseQueryOptions<CallOutput<K>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallOutput<K>, ApiError>({ queryKey: [name, input], queryFn: () => callApi(name, input), ...options });
}

/**
 * Starts a read under the key `useCall(name, input)` asks for, unless it is cached: for a screen
 * that knows its next input before it renders it (a search's debounce timer), so the call does
 * not wait for the render and the commit whose effect would start it.
 */
export function primeCall<K extends CallName>(name: K, input: CallInput<K>): void {
  void queryClient.prefetchQuery<CallOutput<K>, ApiError>({ queryKey: [name, input], queryFn: () => callApi(name, input) });
}

/**
 * A call that changes data: what it changed is refreshed before it resolves. A refusal shows
 * as a notification titled by the action («Не удалено», «Не подписано»), unless the form
 * handles it itself.
 */
export function useChange<K extends CallName>(name: K, options: { notifyErrors?: boolean; success?: string } = {}) {
  return useMutation<CallOutput<K>, ApiError, CallInput<K>>({
    mutationFn: (input) => callApi(name, input, options.success),
    onError: (error) => {
      if (options.notifyErrors ?? true) notifications.show({ color: 'red', title: callSets[name].refusal, message: error.message });
    },
  });
}
