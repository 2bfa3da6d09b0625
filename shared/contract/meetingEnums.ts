import { formatDate } from '@shared/russian/dates';

/**
 * The meetings register's fixed lists and their Russian names, shared by the schema, the
 * contract, the screens and the documents (kept apart from the contract so the schema does
 * not pull in zod).
 */

export const MEETING_KINDS = ['session', 'conference', 'roundTable'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  session: 'Заседание',
  conference: 'Совещание',
  roundTable: 'Круглый стол',
};

/** «Протокол заседания …», «Протокол совещания …». */
export const MEETING_KIND_GENITIVE: Record<MeetingKind, string> = {
  session: 'заседания',
  conference: 'совещания',
  roundTable: 'круглого стола',
};

export const MEETING_STATUSES = ['draft', 'held', 'signed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** The states in which a meeting has taken place: it then realises the plan items linked to it. */
export const MEETING_FINAL_STATUSES = ['held', 'signed'] as const satisfies readonly MeetingStatus[];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Черновик',
  held: 'Проведено',
  signed: 'Подписано',
};

export const ASSIGNMENT_STATUSES = ['inProgress', 'done', 'withdrawn'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** What the register shows: the stored status, or «просрочено» derived from the due date. */
export type AssignmentState = AssignmentStatus | 'overdue';

export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = {
  inProgress: 'На исполнении',
  overdue: 'Просрочено',
  done: 'Исполнено',
  withdrawn: 'Снято с контроля',
};

/** «заседание №3 от 12.09.2017»: a meeting named as the record realising a plan item. */
export const meetingRecordLabel = (m: { kind: MeetingKind; number: number; dateStart: string }) =>
  `${MEETING_KIND_LABELS[m.kind].toLocaleLowerCase('ru')} №${m.number} от ${formatDate(m.dateStart)}`;

export const CONTROL_REVIEW_TITLE = 'О ходе исполнения решений предыдущих заседаний';

/** Attendees above this count go to an attachment; a setting, this is its default. */
export const DEFAULT_ATTENDEE_THRESHOLD = 15;

/**
 * How many members make a meeting competent (кворум). The minutes state the count and whether
 * the quorum is there («Присутствуют 9 из 12 членов … Кворум имеется»).
 */
export const QUORUM_RULES = ['half', 'majority', 'twoThirds', 'none'] as const;
export type QuorumRule = (typeof QUORUM_RULES)[number];

export const QUORUM_RULE_LABELS: Record<QuorumRule, string> = {
  half: 'не менее половины членов',
  majority: 'более половины членов',
  twoThirds: 'не менее двух третей членов',
  none: 'не установлен',
};

/** The members needed for a quorum of `members`; null when the group sets none. */
export function quorumNeeded(rule: QuorumRule, members: number): number | null {
  if (rule === 'half') return Math.ceil(members / 2);
  if (rule === 'majority') return Math.floor(members / 2) + 1;
  if (rule === 'twoThirds') return Math.ceil((members * 2) / 3);
  return null;
}

/** Documents the application numbers in its own series per year. */
export const DOCUMENT_ISSUE_KINDS = ['assignmentList'] as const;
export type DocumentIssueKind = (typeof DOCUMENT_ISSUE_KINDS)[number];
