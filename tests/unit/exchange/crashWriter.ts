import { createApp } from '@main/api/app';
import type { Result } from '@shared/contract/define';

/**
 * The child of the crash-safety test: the application itself, writing forever through the
 * dispatcher as the screens do — one «добавить специалиста» per record, each one transaction
 * (search text, derived gender, a reference to an organisation) — and printing each record's number only after its call answered.
 * The parent kills it with SIGKILL at a random moment.
 */
const dataDir = process.argv[2]!;
const app = createApp({ dataDir });
const last = app.sqlite.prepare("SELECT count(*) FROM people WHERE last_name LIKE 'Сбоев%'").pluck().get() as number;
for (let n = last + 1; ; n++) {
  const result = (await app.dispatch('people.create', {
    lastName: `Сбоев${n}`,
    firstName: 'Пётр',
    middleName: 'Ильич',
    position: 'запись '.repeat(40).trim(),
    // A reference into the demo registry: the foreign key check after the kills has work to do.
    organizationId: 1 + (n % 5),
    phone: '+7 900 000-00-00',
    pdConsent: n % 2 === 0,
    pdConsentDate: n % 2 === 0 ? '2026-01-15' : null,
  })) as Result<unknown>;
  if (!result.ok) {
    process.stderr.write(`${JSON.stringify(result.error)}\n`);
    process.exit(1);
  }
  process.stdout.write(`${n}\n`);
}
