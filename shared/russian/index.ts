/**
 * The Russian text rules, once, for both sides (the window and the main process) and for the
 * documents: order and search, local dates, counts, names and grammar. Every list sorted in code
 * and every sort column in the database use sortKey; dates come from dates.ts.
 */
export * from './text';
export * from './dates';
export * from './numbers';
export * from './names';
export * from './gender';
export * from './declension';
export * from './municipalities';
export * from './bodies';
export * from './numberInput';
export * from './numberWords';
export * from './occasions';
