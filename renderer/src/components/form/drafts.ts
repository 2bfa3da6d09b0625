import { useCall } from '@renderer/api/client';

/**
 * Typed work kept on this computer until it is saved: a long agenda item survives a crashed
 * window or a closed browser tab. One entry per record (the database file is part of the key,
 * so another data folder's record with the same id never receives it), removed on saving and
 * when she chooses to close without saving.
 */

const PREFIX = 'rc.draft:';

export interface StoredDraft<V> {
  values: V;
  /** When it was last written (ISO). */
  at: string;
}

export interface DraftStore<V> {
  read(): StoredDraft<V> | null;
  write(values: V): void;
  clear(): void;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function draftStore<V>(key: string): DraftStore<V> {
  const full = `${PREFIX}${key}`;
  return {
    read() {
      const text = storage()?.getItem(full);
      if (!text) return null;
      try {
        const parsed = JSON.parse(text) as StoredDraft<V>;
        return parsed && typeof parsed === 'object' && 'values' in parsed ? parsed : null;
      } catch {
        return null;
      }
    },
    write(values) {
      try {
        storage()?.setItem(full, JSON.stringify({ values, at: new Date().toISOString() }));
      } catch {
        // A full storage loses the draft, never the form: the form itself still holds the text.
      }
    },
    clear() {
      storage()?.removeItem(full);
    },
  };
}

/** The key of a record's draft in this database, or null while the database is not known yet. */
export function useDraftKey(record: string | null | undefined): string | null {
  const status = useCall('app.status', {}, { throwOnError: false });
  if (!record || !status.data) return null;
  return `${status.data.dbFile}:${record}`;
}
