import { Badge } from '@mantine/core';
import { EVENT_STATUS_LABELS, type EventStatus } from '@shared/contract/eventEnums';

const STATUS_COLORS: Record<EventStatus, string> = { planned: 'blue', held: 'green', cancelled: 'gray' };

export function EventStatusBadge({ status }: { status: EventStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {EVENT_STATUS_LABELS[status]}
    </Badge>
  );
}
