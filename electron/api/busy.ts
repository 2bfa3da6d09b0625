/**
 * Long work that holds the database or its files while it runs (an export today; imports and
 * reports later). A restore replaces the database file and must not do so under it, so it asks
 * here instead of asking each register that starts such work.
 */
const running = new Map<string, string>();

/** Marks work as running under `key` with a Russian description; the returned function ends it. */
export function beginBusy(key: string, description: string): () => void {
  running.set(key, description);
  return () => {
    running.delete(key);
  };
}

/** The description of some running work, or null when nothing runs. */
export function busyWith(): string | null {
  return running.values().next().value ?? null;
}
