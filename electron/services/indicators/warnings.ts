import type { IndicatorRole, SheetWarning } from '@shared/contract/indicators';
import { formatFigure } from '@shared/russian';

/** What a check needs to know of an indicator. */
export interface CheckedIndicator {
  id: number;
  name: string;
  role: IndicatorRole | null;
  atLeastId: number | null;
}

export interface SheetFigures {
  indicators: CheckedIndicator[];
  /** The sheet's columns: municipalities, or null for the whole segment. */
  places: { municipalityId: number | null; name: string }[];
  /** The sheet's figures after the save, by indicator and place. */
  value: (indicatorId: number, municipalityId: number | null) => number | null;
  /** Cases on support at the end of the period before, per place (what is carried over), when known. */
  carriedOver: (municipalityId: number | null) => number | null;
}

/**
 * Figures that contradict each other and may still be right (a case opened in one district and
 * closed in another): the user sees them and confirms, or corrects the figure.
 * - a count of children below the count it belongs to (children in open cases < open cases);
 * - more cases closed than were open: opened in the period plus carried over from the one before.
 */
export function sheetWarnings(sheet: SheetFigures): SheetWarning[] {
  const warnings: SheetWarning[] = [];
  const byId = new Map(sheet.indicators.map((i) => [i.id, i]));
  const byRole = (role: IndicatorRole) => sheet.indicators.find((i) => i.role === role);
  const where = (name: string) => (name ? ` (${name})` : '');
  for (const place of sheet.places) {
    const m = place.municipalityId;
    for (const indicator of sheet.indicators) {
      const floor = indicator.atLeastId === null ? undefined : byId.get(indicator.atLeastId);
      if (!floor) continue;
      const value = sheet.value(indicator.id, m);
      const floorValue = sheet.value(floor.id, m);
      if (value === null || floorValue === null || value >= floorValue) continue;
      warnings.push({
        indicatorId: indicator.id,
        municipalityId: m,
        message: `«${indicator.name}»${where(place.name)}: ${formatFigure(value)} — меньше, чем «${floor.name}» (${formatFigure(floorValue)})`,
      });
    }
    const closed = byRole('casesClosed');
    const opened = byRole('casesOpened');
    const closedValue = closed ? sheet.value(closed.id, m) : null;
    if (!closed || closedValue === null) continue;
    const openedValue = opened ? (sheet.value(opened.id, m) ?? 0) : 0;
    const carried = sheet.carriedOver(m);
    if (carried === null || closedValue <= openedValue + carried) continue;
    warnings.push({
      indicatorId: closed.id,
      municipalityId: m,
      message: `«${closed.name}»${where(place.name)}: ${formatFigure(closedValue)} — больше, чем открыто за период (${formatFigure(openedValue)}) и перенесено с прошлого периода (${formatFigure(carried)})`,
    });
  }
  return warnings;
}
