import type { Handlers } from '@main/api/dispatch';
import type { undoCalls } from '@shared/contract/undo';
import { applyUndo, lastUndo, type UndoGuards } from './undo';

/** The undo calls, with the registers' guards gathered by the application (each register exports its own). */
export function createUndoHandlers(guards: UndoGuards): Handlers<typeof undoCalls> {
  return {
    'undo.last': ({ db }) => lastUndo(db),
    'undo.apply': ({ db }, { id }, scope) => {
      const { label, registers } = applyUndo(db, id, guards);
      scope.changed(...registers);
      return { label };
    },
  };
}
