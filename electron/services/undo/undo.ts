import type { AppDb } from '@db/open';
import {
  entryDeleting,
  journalEntry,
  JOURNAL_KEEP_DAYS,
  lastJournalEntry,
  restoreEntry,
  restoreObstacle,
  type RestoreObstacle,
} from '@db/journal';
import type { Register } from '@shared/contract/define';
import type { UndoEntry, UndoResult } from '@shared/contract/undo';
import { conflict, notFound, DomainError } from '@main/api/errors';
import { TABLES, UNIQUE_SLOTS } from './tables';

/**
 * A register's own condition for taking a change back, checked by name: e.g. an agenda item
 * goes back only into minutes still open for editing. Throws a DomainError to refuse.
 */
export type UndoGuard = (db: AppDb, args: Record<string, unknown>) => void;
export type UndoGuards = Record<string, UndoGuard>;

export function lastUndo(db: AppDb): UndoEntry | null {
  const entry = lastJournalEntry(db);
  return entry ? { id: entry.id, label: entry.label, createdAt: entry.createdAt } : null;
}

function obstacleMessage(db: AppDb, obstacle: RestoreObstacle): string {
  if (obstacle.kind === 'slotTaken') {
    const slot = (obstacle.index && UNIQUE_SLOTS[obstacle.index]) ?? 'такая запись уже создана заново';
    return `Отменить нельзя: ${slot}.`;
  }
  const gone = TABLES[obstacle.parent]?.gone ?? 'с тех пор удалена запись, на которую она ссылалась';
  const deleted = entryDeleting(db, obstacle.parent, obstacle.key);
  return deleted ? `Отменить нельзя: ${gone} («${deleted.label}»). Сначала отмените то удаление.` : `Отменить нельзя: ${gone}.`;
}

/** Takes a journal entry back in the caller's transaction; answers its label and the registers it changed. */
export function applyUndo(db: AppDb, id: number, guards: UndoGuards): UndoResult & { registers: Register[] } {
  const entry = journalEntry(db, id);
  if (!entry) {
    throw new DomainError(
      'not_found',
      `Отменять нечего: это действие уже не хранится в журнале (журнал хранит удалённое ${JOURNAL_KEEP_DAYS} дней)`,
    );
  }
  if (entry.undoneAt) throw conflict(`Это действие уже отменено: ${entry.label}.`);
  const { guard } = entry.payload;
  if (guard) {
    const check = guards[guard.name];
    if (!check) throw notFound('Проверка для отмены');
    check(db, guard.args);
  }
  const obstacle = restoreObstacle(db, entry.payload);
  if (obstacle) throw conflict(obstacleMessage(db, obstacle));
  const tables = restoreEntry(db, entry);
  const registers = [...new Set(tables.flatMap((t) => TABLES[t]?.registers ?? []))];
  return { label: entry.label, registers };
}
