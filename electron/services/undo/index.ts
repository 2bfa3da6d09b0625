/** The undo register's public module: its handlers and the guard type other registers implement. */
export { createUndoHandlers } from './handlers';
export { applyUndo, lastUndo, type UndoGuard, type UndoGuards } from './undo';
export { TABLES as UNDO_TABLES } from './tables';
