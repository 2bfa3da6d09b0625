import type Database from 'better-sqlite3';
import type { App } from '@main/api/app';
import { publicationKeys } from '@db/derived';
import { Random } from './generate';
import { callTimer, type BenchRow } from './timing';

/**
 * The publications register at the reference scale, for `npm run bench` (issue 21): 400
 * publications and 40,000 movements over ten years, one publication with 5,000 of them (the
 * leaflet handed out at every event), written by raw inserts that store the keys the services
 * store and follow the ledger's rule (never negative, nothing before the first receipt), so the
 * services' check accepts the timed writes. `benchPublications` times the catalogue with its
 * balances, the stock on a date and a distribution backdated to the big publication's first date
 * with the check over its whole later history.
 */

export const PUBLICATIONS_SCALE = { publications: 400, movements: 40_000, biggest: 5_000, firstYear: 2016, years: 10 };

export function scaledPublications(factor: number): typeof PUBLICATIONS_SCALE {
  const n = (x: number) => Math.max(1, Math.round(x * factor));
  const publications = Math.max(2, n(PUBLICATIONS_SCALE.publications));
  return {
    ...PUBLICATIONS_SCALE,
    publications,
    movements: Math.max(publications * 3, n(PUBLICATIONS_SCALE.movements)),
    biggest: Math.max(10, n(PUBLICATIONS_SCALE.biggest)),
  };
}

export const CATALOGUE_TARGET_MS = 100;
export const STOCK_TARGET_MS = 100;
export const BACKDATED_TARGET_MS = 20;

export interface PublicationsSeed {
  publications: number;
  movements: number;
  biggestId: number;
  biggestFirstDate: string;
  organizationId: number;
}

const TITLES = [
  'Памятка для родителей',
  'Буклет «Приёмная семья»',
  'Листовка «Телефон доверия»',
  'Сборник статей специалистов',
  'Методические рекомендации',
  'Плакат «Защитим детей»',
];
const TOPICS = ['Семейное устройство', 'Профилактика жестокого обращения', 'Дети с ОВЗ', 'Замещающие семьи', 'Работа с подростками'];

const iso = (day: number, first: number) => new Date(Date.UTC(first, 0, 1 + day)).toISOString().slice(0, 10);

export function seedPublications(sqlite: Database.Database, seed = 20170912, scale = PUBLICATIONS_SCALE): PublicationsSeed {
  const random = new Random(seed + 21);
  const kinds = sqlite.prepare("SELECT id, value FROM list_values WHERE list = 'publicationKinds' ORDER BY position").all() as {
    id: number;
    value: string;
  }[];
  const organizations = sqlite.prepare('SELECT id FROM organizations ORDER BY id LIMIT 500').pluck().all() as number[];
  const insertPublication = sqlite.prepare(
    'INSERT INTO publications (title, kind_id, authors, year, topic, target_audience, min_stock, archived, search_text, sort_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMovement = sqlite.prepare(
    `INSERT INTO publication_movements (publication_id, kind, date, quantity, printer, printed_in_house, organization_id, reason, reverses_id, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const span = scale.years * 365;
  let recorded = Date.UTC(scale.firstYear, 0, 1);
  const stamp = () => new Date((recorded += 1000)).toISOString();
  let total = 0;
  let biggestId = 0;
  let biggestFirstDate = '';
  const rest = scale.movements - scale.biggest;
  sqlite.transaction(() => {
    for (let p = 0; p < scale.publications; p++) {
      const big = p === 0;
      const count = big ? scale.biggest : Math.floor(rest / (scale.publications - 1)) + (p <= rest % (scale.publications - 1) ? 1 : 0);
      const kind = random.pick(kinds);
      const title = `${random.pick(TITLES)} №${p + 1}`;
      const topic = random.pick(TOPICS);
      const firstDay = random.int(0, Math.floor(span / 3));
      const year = scale.firstYear + Math.floor(firstDay / 365);
      const id = Number(
        insertPublication.run(
          title,
          kind.id,
          '',
          year,
          topic,
          '',
          random.int(0, 50),
          random.chance(0.1) ? 1 : 0,
          ...Object.values(publicationKeys({ title, kind: kind.value, authors: '', topic, targetAudience: '' })),
        ).lastInsertRowid,
      );
      // The movements in the ledger's order: days never go back, a day's kinds come in DAY_RANK order.
      const days = Array.from({ length: count - 1 }, () => random.int(firstDay + 1, span)).sort((a, b) => a - b);
      let balance = big ? 1_000_000 : random.int(2_000, 6_000);
      const first = iso(firstDay, scale.firstYear);
      insertMovement.run(id, 'receipt', first, balance, 'Типография «Уваровская правда»', 0, null, '', null, stamp());
      if (big) [biggestId, biggestFirstDate] = [id, first];
      let lastDay = firstDay;
      let lastRank = 1;
      let distribution: number | null = null;
      for (const day of days) {
        if (day !== lastDay) lastRank = 0;
        const roll = random.int(1, 100);
        let kind = roll <= 80 ? 'distribution' : roll <= 88 ? 'receipt' : roll <= 93 ? 'writeOff' : roll <= 97 ? 'stocktake' : 'reversal';
        const rank = kind === 'receipt' ? 1 : kind === 'stocktake' ? 3 : 2;
        // Kept in the day's order: a receipt after that day's issues moves to the next kind that fits.
        if (rank < lastRank) kind = lastRank === 3 ? 'stocktake' : 'distribution';
        const date = iso(day, scale.firstYear);
        if (kind === 'receipt') {
          const q = random.int(100, 500);
          balance += q;
          distribution = null;
          insertMovement.run(id, 'receipt', date, q, '', 1, null, '', null, stamp());
        } else if (kind === 'distribution' || kind === 'writeOff') {
          const q = Math.min(balance, random.int(1, 20));
          if (q === 0) continue;
          balance -= q;
          const row = insertMovement.run(
            id,
            kind,
            date,
            q,
            '',
            0,
            kind === 'distribution' ? random.pick(organizations) : null,
            kind === 'writeOff' ? 'Испорчены' : '',
            null,
            stamp(),
          );
          distribution = kind === 'distribution' ? Number(row.lastInsertRowid) : null;
        } else if (kind === 'stocktake') {
          const counted = Math.max(0, balance - random.int(0, 2));
          balance = counted;
          distribution = null;
          insertMovement.run(id, 'stocktake', date, counted, '', 0, null, 'Пересчёт', null, stamp());
        } else {
          // The distribution just entered, entered twice, reversed: both then count nowhere (the copies come back;
          // nothing came between them, so the balance simply returns).
          if (distribution === null) continue;
          const q = sqlite.prepare('SELECT quantity FROM publication_movements WHERE id = ?').pluck().get(distribution) as number;
          insertMovement.run(id, 'reversal', date, q, '', 0, null, 'Внесено дважды', distribution, stamp());
          balance += q;
          distribution = null;
        }
        lastDay = day;
        lastRank = Math.max(lastRank, kind === 'receipt' ? 1 : kind === 'stocktake' ? 3 : 2);
        total++;
      }
      total++;
    }
  })();
  return { publications: scale.publications, movements: total, biggestId, biggestFirstDate, organizationId: organizations[0]! };
}

export async function benchPublications(app: Pick<App, 'dispatch'>, seeded: PublicationsSeed, runs = 20): Promise<BenchRow[]> {
  const time = callTimer(app, runs);
  return [
    await time('publications.list (catalogue with balances)', 'publications.list', { archive: 'all' }, CATALOGUE_TARGET_MS),
    await time('publications.list (kind + search)', 'publications.list', { search: 'памятка' }, CATALOGUE_TARGET_MS),
    await time('publications.stockOnDate (30.06.2020)', 'publications.stockOnDate', { date: '2020-06-30' }, STOCK_TARGET_MS),
    await time('publications.statement (2020)', 'publications.statement', { from: '2020-01-01', to: '2020-12-31' }, STOCK_TARGET_MS),
    await time(
      'publications.recordMovement (distribution backdated to the first date, checked up to the next stocktake)',
      'publications.recordMovement',
      {
        publicationId: seeded.biggestId,
        kind: 'distribution',
        date: seeded.biggestFirstDate,
        quantity: 1,
        organizationId: seeded.organizationId,
      },
      BACKDATED_TARGET_MS,
    ),
    await time('publications.get (card of 5,000 movements)', 'publications.get', { id: seeded.biggestId }, CATALOGUE_TARGET_MS),
  ];
}

/** Run alone (`npx tsx tests/bench/publications.ts`): the registry at a tenth, the publications at the reference scale. */
async function main() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { createApp } = await import('@main/api/app');
  const { generateReferenceData, scaledReference } = await import('./generate');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rc-bench-publications-'));
  const app = createApp({ dataDir });
  try {
    generateReferenceData(app.sqlite, 20170912, scaledReference(0.1));
    const seeded = seedPublications(app.sqlite);
    console.log(`publications ${seeded.publications}, movements ${seeded.movements} (the biggest: ${PUBLICATIONS_SCALE.biggest})`);
    for (const r of await benchPublications(app, seeded)) console.log(`${r.name}: median ${r.medianMs} ms (target ${r.targetMs} ms)`);
  } finally {
    app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1] ?? '').href) await main();
