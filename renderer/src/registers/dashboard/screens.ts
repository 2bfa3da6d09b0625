/** The dashboard's screens, in a chunk of their own (register.ts lazyScreens). */
export { DashboardScreen } from './DashboardScreen';
