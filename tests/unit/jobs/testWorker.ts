import { personKeys } from '@db/derived';
import { serveTasks } from '@main/api/jobs/thread';
import { conflict } from '@main/api/errors';
import { backupWorkerTasks } from '@main/services/backup';
import { exchangeWorkerTasks } from '@main/services/exchange';
import type { TaskContext } from '@main/api/jobs';

/**
 * A worker entry for the tests: the application's tasks and a few that exercise the
 * mechanism itself (writes sent back, one transaction held while the main thread goes on,
 * cancellation, a refusal). Started by runInWorker({ entry }) and bundled like the real one.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

serveTasks({
  ...exchangeWorkerTasks,
  ...backupWorkerTasks,
  'test.writeBack': {
    access: 'read',
    run: async (input: { lastNames: string[] }, ctx: TaskContext) => {
      for (const lastName of input.lastNames) await ctx.write('test.addPerson', { lastName });
      // The worker's own connection sees what the main thread committed.
      return ctx.db.$client.prepare("SELECT count(*) FROM people WHERE first_name = 'Импорт'").pluck().get() as number;
    },
  },
  'test.importAllAtOnce': {
    access: 'write',
    run: (input: { rows: number; signals: SharedArrayBuffer }, ctx: TaskContext) =>
      ctx.writeAllAtOnce('импорт', (db) => {
        const insert = db.$client.prepare(
          "INSERT INTO people (last_name, first_name, search_text, sort_key, position_sort_key) VALUES (?, 'Импорт', ?, ?, ?)",
        );
        for (let i = 0; i < input.rows; i++) {
          const lastName = `Импортированная ${i}`;
          const keys = personKeys({ lastName, firstName: 'Импорт', middleName: '', position: '', email: '' });
          insert.run(lastName, keys.searchText, keys.sortKey, keys.positionSortKey);
        }
        // Tell the test the lock is held, then keep it until the test has tried its calls.
        const signals = new Int32Array(input.signals);
        Atomics.store(signals, 1, 1);
        Atomics.notify(signals, 1);
        Atomics.wait(signals, 0, 0, 20_000);
        return input.rows;
      }),
  },
  'test.untilCancelled': {
    access: 'read',
    run: async (_input: Record<string, never>, ctx: TaskContext) => {
      for (;;) {
        ctx.progress('Жду отмены');
        ctx.checkCancelled();
        await sleep(20);
      }
    },
  },
  'test.refuse': {
    access: 'read',
    run: () => {
      throw conflict('В пакете нет ни одной записи');
    },
  },
});
