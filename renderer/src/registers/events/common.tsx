import { Badge } from '@mantine/core';
import { EVENT_STATUS_LABELS, type EventStatus } from '@shared/contract/eventEnums';
import type { BackTo } from '@renderer/components/RecordFrame';

/** The events' list, which an event's card and a person's history lead back to. */
export const EVENTS_BACK: BackTo = { to: '/events/list', label: 'Мероприятия', missing: 'К списку мероприятий' };

const STATUS_COLORS: Record<EventStatus, string> = { planned: 'blue', held: 'green', cancelled: 'gray' };

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {EVENT_STATUS_LABELS[status]}
    </Badge>
  );
}
