/** The home screen: the year's figures and what needs attention, read from the registers' public modules. */
export { dashboardHandlers } from './handlers';
