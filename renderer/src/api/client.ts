import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type { CallError } from '@shared/contract/define';
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

export async function callApi<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await invoke(name, input);
  if (!result.ok) throw new ApiError(result.error);
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
 * A call that changes data. On success every cached list is refetched: the registers are
 * linked (a person appears in plan items, an organisation in people), and refetching all is
 * cheap next to the risk of showing stale data. Errors show as a notification unless the
 * form handles them itself.
 */
export function useChange<K extends CallName>(name: K, options: { notifyErrors?: boolean; success?: string } = {}) {
  const client = useQueryClient();
  return useMutation<CallOutput<K>, ApiError, CallInput<K>>({
    mutationFn: (input) => callApi(name, input),
    onSuccess: async () => {
      await client.invalidateQueries();
      if (options.success) notifications.show({ color: 'green', message: options.success });
    },
    onError: (error) => {
      if (options.notifyErrors ?? true) notifications.show({ color: 'red', title: 'Не сохранено', message: error.message });
    },
  });
}
