import { Badge } from '@mantine/core';
import { MOVEMENT_KIND_LABELS } from '@shared/contract/publicationEnums';
import type { MovementView } from '@shared/contract/publications';
import { formatNumber } from '@shared/russian';

export const copies = (n: number) => `${formatNumber(n)} экз.`;

/** A number with the minus sign of print, «−5» (Intl writes a hyphen). */
export const signedNumber = (n: number) => (n < 0 ? `−${formatNumber(-n)}` : formatNumber(n));

/** The marker of a publication under its minimum level. */
export function LowBadge({ low, balance }: { low: boolean; balance: number }) {
  if (balance === 0)
    return (
      <Badge color="gray" variant="light">
        нет в наличии
      </Badge>
    );
  return low ? (
    <Badge color="orange" variant="light">
      мало
    </Badge>
  ) : null;
}

/** What the history says beside a movement: from where, to whom, why. */
export function movementNote(m: MovementView): string {
  if (m.kind === 'receipt') return m.printedInHouse ? 'напечатано в центре' : m.printer;
  if (m.kind === 'distribution') return m.recipient?.label ?? '';
  if (m.kind === 'reversal') return `отменяет движение от записи №${m.reversesId}. ${m.reason}`;
  return m.reason;
}

export const kindLabel = (m: MovementView) => MOVEMENT_KIND_LABELS[m.kind];

export const numberCell = { textAlign: 'right' as const, whiteSpace: 'nowrap' as const };
