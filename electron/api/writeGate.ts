import { conflict } from './errors';

/**
 * A job whose result must be written all at once (an import) holds one write transaction on
 * its own connection for a bounded time. Meanwhile a write on the main thread would wait for
 * SQLite's lock, and that wait (busy_timeout) is synchronous: the window would freeze. So the
 * job closes this gate first, and every changing call checks it before it touches the
 * database: it answers at once «Идёт импорт, повторите через минуту» instead of waiting.
 * The main thread's own background writes (an export's log) wait for the gate asynchronously.
 */

let holder: string | null = null;
let opened: Array<() => void> = [];

/** Closes the gate for work described in Russian («импорт»); the returned function opens it again. */
export function holdWrites(description: string): () => void {
  if (holder !== null) throw conflict(busyMessage(holder));
  holder = description;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holder = null;
    const waiting = opened;
    opened = [];
    for (const resume of waiting) resume();
  };
}

/** What holds the gate, or null when writes may go ahead. */
export const writesHeldBy = (): string | null => holder;

const busyMessage = (description: string) => `Идёт ${description}, повторите через минуту`;

/** For a changing call: refuses at once while the gate is closed. */
export function refuseWhileWritesHeld(): void {
  if (holder !== null) throw conflict(busyMessage(holder));
}

/** For background writes that must happen (an export's log): resolves once the gate is open. */
export async function whenWritesFree(): Promise<void> {
  while (holder !== null) await new Promise<void>((resume) => opened.push(resume));
}
