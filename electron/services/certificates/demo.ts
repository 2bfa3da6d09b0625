import type { AppDb } from '@db/open';
import { certificateCandidates, issueCertificates } from './issue';
import { getLayout, setLayout } from './layout';

/**
 * The demo's certificates: the center's October 2018 seminar, issued on its last day to those
 * who completed it (2018-001 …, in the order of their names). Runs after the events' demo.
 */
export function seedDemoCertificates(db: AppDb): void {
  const seminar = db.$client
    .prepare(`SELECT id FROM events WHERE title LIKE 'Семинар для специалистов органов системы профилактики%' AND status = 'held'`)
    .get() as { id: number } | undefined;
  if (!seminar) return;
  // The layout as the profile gives it, saved as a center would save it once.
  setLayout(db, '', { settings: getLayout(db).settings, logoHash: null });
  const eligible = certificateCandidates(db, seminar.id).candidates.filter((c) => c.state === 'eligible' && c.gender !== null);
  if (eligible.length === 0) return;
  // The demo layout has no logo: no file of the store is read.
  issueCertificates(db, '', { eventId: seminar.id, participantIds: eligible.map((c) => c.participantId), genders: {} }, '2018-10-18');
}
