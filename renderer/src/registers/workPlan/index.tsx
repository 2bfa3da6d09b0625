import { IconChartBar, IconListCheck } from '@tabler/icons-react';
import type { RegisterUi } from '@renderer/app/register';
import { PlanScreen } from './PlanScreen';
import { PrintView } from './PrintView';
import { SummaryScreen } from './SummaryScreen';

export const workPlanUi: RegisterUi = {
  section: 'План работы',
  nav: [
    { label: 'План работы', path: '/work-plan', icon: <IconListCheck size={18} /> },
    { label: 'Исполнение плана', path: '/work-plan/summary', icon: <IconChartBar size={18} /> },
  ],
  routes: [
    { path: '/work-plan', component: PlanScreen },
    { path: '/work-plan/summary', component: SummaryScreen },
    { path: '/work-plan/:year/print', component: PrintView, bare: true },
  ],
};
