import { z } from 'zod';
import { frozenKind } from '@main/services/common/frozen';
import { ASSIGNMENT_STATUSES, MEETING_KINDS, QUORUM_RULES, type MeetingDetail, type MinutesSettings } from '@shared/contract/meetings';

/**
 * The signed minutes as «Подписать» froze them (meetings.signed_snapshot), a frozen document
 * (services/common/frozen.ts): what the minutes, the agenda, the registration sheet and the
 * extracts print — the meeting's requisites, the people as named then, the agenda with СЛУШАЛИ,
 * ВЫСТУПИЛИ, РЕШИЛИ and the assignments — and the settings they were printed with. It is its own
 * schema, not the screen's type: renaming a field of MeetingDetail no longer changes what a
 * stored copy means; it fails to compile here until a version 2 and its upgrade are written.
 *
 * What keeps moving after the signature and is not part of the minutes stays live (detail.ts):
 * the execution of the assignments, the plan item's status, the unlock history.
 */

const text = z.string();
const count = z.number().int().nonnegative();
const idNumber = z.number().int().positive();

const person = z.object({
  id: idNumber,
  fullName: text,
  short: text,
  signature: text,
  position: text,
  organizationId: idNumber.nullable(),
  organizationName: text.nullable(),
});

const speaker = z.object({ personId: idNumber.nullable(), name: text, label: text });

const assignment = z.object({
  id: idNumber,
  dueDate: text.nullable(),
  permanent: z.boolean(),
  status: z.enum(ASSIGNMENT_STATUSES),
  state: z.enum([...ASSIGNMENT_STATUSES, 'overdue']),
  completionNote: text,
  completedOn: text.nullable(),
  people: z.array(person),
  organizations: z.array(z.object({ id: idNumber, name: text })),
});

const item = z.object({
  id: idNumber,
  position: idNumber,
  title: text,
  plannedMinutes: count.nullable(),
  heardText: text,
  reportAttached: z.boolean(),
  carriedFrom: z.object({ meetingId: idNumber, label: text }).nullable(),
  planItemId: idNumber.nullable(),
  controlReview: z.boolean(),
  speakers: z.array(speaker),
  discussion: z.array(speaker.extend({ text })),
  decisions: z.array(
    z.object({
      id: idNumber,
      position: idNumber,
      number: text,
      text,
      votesFor: count.nullable(),
      votesAgainst: count.nullable(),
      votesAbstained: count.nullable(),
      assignment: assignment.nullable(),
    }),
  ),
});

/** The parts of MeetingDetail the signed record fixes (status, signedAt, planItem, unlocks are read live). */
export type SignedMinutes = Omit<MeetingDetail, 'status' | 'signedAt' | 'planItem' | 'unlocks' | 'copyProblem'>;

const minutes = z.object({
  id: idNumber,
  group: z.object({ id: idNumber, name: text, nameGenitive: text }),
  kind: z.enum(MEETING_KINDS),
  year: z.number().int(),
  number: idNumber,
  dateStart: text,
  dateEnd: text.nullable(),
  time: text,
  town: text,
  address: text,
  chair: person.nullable(),
  secretary: person.nullable(),
  attendees: z.array(
    z.object({ person, present: z.boolean(), absenceReason: text, late: z.boolean(), member: z.boolean(), recorded: z.boolean() }),
  ),
  guests: z.array(person),
  items: z.array(item),
  title: text,
}) satisfies z.ZodType<SignedMinutes>;

const settings = z.object({
  centerFullName: text,
  threshold: count,
  /** Null for minutes signed before the group's quorum rule was kept: they state no verdict. */
  quorum: z.enum(QUORUM_RULES).nullable(),
}) satisfies z.ZodType<MinutesSettings>;

const signedCopySchema = z.object({ minutes, settings });
export type SignedCopy = z.output<typeof signedCopySchema>;

/**
 * Version 0: the copies main wrote before this module — `{version: 1, meeting: MeetingDetail,
 * centerFullName, threshold, quorum?}`, the screen's type whole, with no `data` (a real one is
 * tests/fixtures/frozen/minutes-v0-main-273fa78.json). Its meeting had the live parts in it too
 * (dropped here: they are read live); copies from before the control item's mark or the quorum
 * rule lack those (no mark — the column says it, read live —; no quorum verdict).
 */
const isVersion0 = (stored: unknown) =>
  typeof stored === 'object' &&
  stored !== null &&
  'meeting' in stored &&
  !('data' in stored) &&
  (stored as { version?: unknown }).version === 1;

function fromVersion0(stored: unknown): unknown {
  const { meeting, centerFullName, threshold, quorum } = stored as {
    meeting: Record<string, unknown> & { items?: Record<string, unknown>[] };
    centerFullName: unknown;
    threshold: unknown;
    quorum?: unknown;
  };
  const { status: _status, signedAt: _signedAt, planItem: _planItem, unlocks: _unlocks, ...fixed } = meeting;
  return {
    minutes: {
      ...fixed,
      items: (meeting.items ?? []).map((i) => ({ planItemId: null, controlReview: false, ...i })),
    },
    settings: { centerFullName, threshold, quorum: quorum ?? null },
  };
}

export const signedCopy = frozenKind({ version: 1, schema: signedCopySchema, legacy: isVersion0, upgrades: { 0: fromVersion0 } });
