import type { App } from '@main/api/app';
import { generateReferenceData, scaledReference } from './generate';
import { scaledMeetings, seedMeetings, signSeeded } from './meetings';
import { scaledEvents, seedEvents } from './events';
import { seedNewsEvent } from './news';
import { scaledPublications, seedPublications } from './publications';
import { scaledIndicators, seedIndicators } from './indicators';

/**
 * The benchmark's database: every register at `scale` times the reference scale (10 years of a
 * center). `npm run bench` and the parts run alone (`npx tsx tests/bench/exchange.ts`) measure on
 * the same data, so a part's figures alone compare with its row in last-result.md.
 */
export async function seedReference(app: Pick<App, 'dispatch' | 'sqlite'>, seed = 20170912, scale = 1) {
  const { sqlite } = app;
  const counts = generateReferenceData(sqlite, seed, scaledReference(scale));
  // Later registers add their share of the reference scale on top of the registry and the plans.
  const meetings = seedMeetings(sqlite, seed, scaledMeetings(scale));
  await signSeeded(app, scaledMeetings(scale));
  const events = seedEvents(sqlite, seed, scaledEvents(scale));
  // News items (issue 24) are drafted from a held event of 100 participants: one of the generator's, filled up.
  const newsEventId = seedNewsEvent(sqlite);
  const publications = seedPublications(sqlite, seed, scaledPublications(scale));
  const indicators = seedIndicators(sqlite, seed, scaledIndicators(scale));
  // An approval freezes the copy for approval; the generator writes the dates by SQL, so the
  // plans are approved again the way the screen does it.
  for (const plan of sqlite.prepare('SELECT year, approved_on AS approvedOn FROM work_plans WHERE approved_on IS NOT NULL').all() as {
    year: number;
    approvedOn: string;
  }[]) {
    const approved = await app.dispatch('workPlan.setApproval', plan);
    if (!approved.ok) throw new Error(`workPlan.setApproval failed: ${approved.error.message}`);
  }
  return { counts, meetings, events, newsEventId, publications, indicators };
}
