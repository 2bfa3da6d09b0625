import { z } from 'zod';
import { call, REFUSED, REGISTERS, type UndoRef } from './define';
import { empty, id } from './common';

/**
 * One undo for the whole application, kept in the database: a deletion (and later a merge of
 * duplicate people) records what it removed or overwrote, so it can be taken back in one
 * transaction — also after a reload or a restart. The journal keeps the last entries for a
 * limited time (see the service).
 */

export interface UndoEntry extends UndoRef {
  createdAt: string;
}

export interface UndoResult {
  /** What was taken back, Russian: «Удалён специалист …». */
  label: string;
}

export const undoCalls = {
  /** The latest change that can still be undone, or null. */
  'undo.last': call(empty).reads('undo').returns<UndoEntry | null>(),
  /** Takes the change back; refused when later changes depend on what it would restore. */
  'undo.apply': call(z.object({ id }).strict()).db(['undo'], REFUSED.undo, { mayChange: REGISTERS }).returns<UndoResult>(),
};
