import { Badge, Group } from '@mantine/core';
import {
  ASSIGNMENT_STATE_LABELS,
  MEETING_KIND_LABELS,
  MEETING_KINDS,
  MEETING_STATUS_LABELS,
  type AssignmentState,
  type AssignmentView,
  type MeetingStatus,
} from '@shared/contract/meetings';
import { formatDate } from '@shared/russian';
import { SaveButton, type FrameForm } from '@renderer/components/form';

/** The save button under a tab's form of a meeting; signed minutes (locked) have none. */
export function MeetingSaveRow({ cf, label, locked }: { cf: FrameForm; label: string; locked: boolean }) {
  return locked ? null : (
    <Group justify="flex-end">
      <SaveButton cf={cf} label={label} />
    </Group>
  );
}

export const kindOptions = MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }));

const STATUS_COLORS: Record<MeetingStatus, string> = { draft: 'gray', held: 'blue', signed: 'green' };
const STATE_COLORS: Record<AssignmentState, string> = { inProgress: 'blue', overdue: 'red', done: 'green', withdrawn: 'gray' };

export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" style={{ whiteSpace: 'nowrap' }}>
      {MEETING_STATUS_LABELS[status]}
    </Badge>
  );
}

export function AssignmentStateBadge({ state }: { state: AssignmentState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant={state === 'overdue' ? 'filled' : 'light'} style={{ whiteSpace: 'nowrap' }}>
      {ASSIGNMENT_STATE_LABELS[state]}
    </Badge>
  );
}

/** «Отдел опеки г. Уварово, Попова Л.А.»: who answers for an assignment. */
export const responsibles = (a: Pick<AssignmentView, 'organizations' | 'people'>) =>
  [...a.organizations.map((o) => o.name), ...a.people.map((p) => p.short)].join(', ');

export const dueLabel = (a: Pick<AssignmentView, 'permanent' | 'dueDate'>) => (a.permanent ? 'постоянно' : `до ${formatDate(a.dueDate)}`);

export { useDocument } from '@renderer/components/useDocument';
