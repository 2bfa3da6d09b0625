/** The editable lists of values (plan forms now; event types, publication kinds, indicators next): the public module. */
export { listsHandlers } from './handlers';
export { listValueByText, requireListValue } from './values';
