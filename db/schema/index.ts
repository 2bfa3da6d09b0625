export * from './app';
export * from './registry';
export * from './workPlan';
export * from './meetings';
export * from './planItemLinks';
export * from './exchange';
export * from './references';
export * from './undo';
