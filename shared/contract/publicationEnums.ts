/**
 * The kinds of movement in a publication's stock ledger (журнал движения), without zod: the schema's
 * CHECKs, the services, the screens and the documents share them.
 *
 * - `opening` (ввод остатков): the boxes that were there before the ledger was kept;
 * - `receipt` (тираж получен): a print run from the printer or printed in the center;
 * - `distribution` (распространение): copies handed out to an organisation or a person;
 * - `writeOff` (списание): copies spoiled or lost, with the reason;
 * - `stocktake` (инвентаризация): the copies counted; the balance becomes that number;
 * - `reversal` (сторно): annuls the movement it points to, which then counts nowhere.
 */
export const MOVEMENT_KINDS = ['opening', 'receipt', 'distribution', 'writeOff', 'stocktake', 'reversal'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** The kinds a user enters directly (a reversal is made from the movement it reverses). */
export const ENTERED_MOVEMENT_KINDS = ['opening', 'receipt', 'distribution', 'writeOff', 'stocktake'] as const;
export type EnteredMovementKind = (typeof ENTERED_MOVEMENT_KINDS)[number];

export const MOVEMENT_KIND_LABELS: Record<MovementKind, string> = {
  opening: 'Ввод остатков',
  receipt: 'Получен тираж',
  distribution: 'Распространение',
  writeOff: 'Списание',
  stocktake: 'Инвентаризация',
  reversal: 'Сторно',
};

/**
 * The order of a day's movements, whatever order they were entered in: receipts first, then
 * issues, then stocktakes (a count made at the end of the day), then by the time they were
 * recorded. So two movements of one day cannot flip each other's validity: a print run received
 * in the afternoon still covers the morning's distribution of that day.
 */
export const DAY_RANK: Record<Exclude<MovementKind, 'reversal'>, number> = {
  opening: 1,
  receipt: 1,
  distribution: 2,
  writeOff: 2,
  stocktake: 3,
};

/** Kinds that bring copies in, and kinds that take them out. */
export const INCOMING: readonly MovementKind[] = ['opening', 'receipt'];
export const OUTGOING: readonly MovementKind[] = ['distribution', 'writeOff'];
