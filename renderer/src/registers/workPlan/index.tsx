import { IconChartBar, IconListCheck } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';
import { primePlanScreen } from './opening';

const screen = lazyScreens(() => import('./screens'));

export const workPlanUi: RegisterUi = {
  section: 'План работы',
  nav: [
    { label: 'План работы', path: '/work-plan', icon: <IconListCheck size={18} /> },
    { label: 'Исполнение плана', path: '/work-plan/summary', icon: <IconChartBar size={18} /> },
  ],
  routes: [
    { path: '/work-plan', component: screen('PlanScreen') },
    { path: '/work-plan/summary', component: screen('SummaryScreen') },
    { path: '/work-plan/:year/print', component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))), bare: true },
  ],
  prime: (path, params) => {
    if (path !== '/work-plan') return;
    primePlanScreen(params);
    return screen.preload();
  },
};
