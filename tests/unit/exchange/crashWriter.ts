import { openDatabase } from '@db/open';
import { inTransaction } from '@db/transaction';
import { setSetting } from '@main/services/common/settings';

/**
 * The child of the crash-safety test: writes forever, one committed transaction per record,
 * and prints each record's number only after its commit returned. The parent kills it with
 * SIGKILL at a random moment.
 */
const file = process.argv[2]!;
const opened = openDatabase({ file });
const last = opened.sqlite.prepare("SELECT count(*) FROM app_settings WHERE key LIKE 'crash.%'").pluck().get() as number;
for (let n = last + 1; ; n++) {
  inTransaction(opened.db, () => {
    setSetting(opened.db, `crash.${n}`, { n, text: 'запись '.repeat(50) });
    setSetting(opened.db, 'crash-last', n);
  });
  process.stdout.write(`${n}\n`);
}
