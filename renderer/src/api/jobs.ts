import { useEffect, useRef } from 'react';
import type { Job } from '@shared/contract/jobs';
import { refresh, useCall } from './client';

/** How often a screen asks how a running job is doing. */
const POLL_MS = 400;

/**
 * Follows a job started by a call (or found running in `jobs.list` when the screen opens
 * again): polls it while it runs and, once it ends, refreshes what it changed.
 */
export function useJob<R>(started: Job<R> | null): Job<R> | null {
  const polled = useCall(
    'jobs.get',
    { id: started?.id ?? '' },
    {
      enabled: started?.state === 'running',
      refetchInterval: (query) => (query.state.data === undefined || query.state.data.state === 'running' ? POLL_MS : false),
      staleTime: 0,
      gcTime: 0,
    },
  );
  const job = (polled.data?.id === started?.id ? (polled.data as Job<R> | undefined) : undefined) ?? started;
  const refreshed = useRef<string | null>(null);
  useEffect(() => {
    if (job && job.state !== 'running' && refreshed.current !== job.id) {
      refreshed.current = job.id;
      void refresh(job.changes);
    }
  }, [job]);
  return job;
}
