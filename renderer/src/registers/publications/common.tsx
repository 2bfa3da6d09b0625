import { Badge, TextInput } from '@mantine/core';
import { useState } from 'react';
import { MOVEMENT_KIND_LABELS } from '@shared/contract/publicationEnums';
import type { MovementView } from '@shared/contract/publications';
import { formatDate, formatNumber, readTypedDate } from '@shared/russian';

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

/** A date typed as ДД.ММ.ГГГГ: the ISO date, or null while it is not a whole real date. */
export function useTypedDate(initial: string) {
  const [text, setText] = useState(formatDate(initial));
  const read = readTypedDate(text);
  const problem = read.kind === 'impossible' ? 'Такой даты не существует' : read.kind === 'malformed' ? 'Дата указана неверно' : null;
  return { text, setText, iso: read.kind === 'date' ? read.iso : null, problem };
}

export function DateInput({ label, d }: { label: string; d: ReturnType<typeof useTypedDate> }) {
  return (
    <TextInput
      label={label}
      placeholder="ДД.ММ.ГГГГ"
      w={150}
      value={d.text}
      onChange={(e) => d.setText(e.currentTarget.value)}
      error={d.problem ?? undefined}
    />
  );
}
