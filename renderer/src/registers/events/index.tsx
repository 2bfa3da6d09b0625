import { IconCalendarEvent, IconChartBar } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const eventsUi: RegisterUi = {
  section: 'Мероприятия',
  nav: [
    { label: 'Мероприятия', path: '/events/list', icon: <IconCalendarEvent size={18} /> },
    { label: 'Статистика', path: '/events/stats', icon: <IconChartBar size={18} /> },
  ],
  routes: [
    { path: '/events/list', component: screen('EventsScreen') },
    { path: '/events/list/:id', component: screen('EventCard') },
    { path: '/events/stats', component: screen('StatisticsScreen') },
    { path: '/events/person/:personId', component: screen('PersonHistoryScreen') },
    { path: '/events/print/:id', component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))), bare: true },
    {
      path: '/events/person/:personId/print',
      component: lazy(() => import('./PrintView').then((m) => ({ default: m.HistoryPrintView }))),
      bare: true,
    },
  ],
};
