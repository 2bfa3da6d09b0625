import { IconReportAnalytics } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const reportsUi: RegisterUi = {
  section: 'Отчёты',
  nav: [{ label: 'Отчёт о работе', path: '/reports', icon: <IconReportAnalytics size={18} /> }],
  routes: [
    { path: '/reports', component: screen('ReportScreen') },
    {
      path: '/reports/print',
      component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))),
      bare: true,
    },
  ],
};
