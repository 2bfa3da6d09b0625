import { IconLayoutDashboard } from '@tabler/icons-react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';
import { callApi, queryClient } from '@renderer/api/client';
import { dashboardYear } from './year';

const screen = lazyScreens(() => import('./screens'));

export const DASHBOARD_PATH = '/dashboard';

/** The home screen: listed first, so the window opens on it (App.tsx `firstPath`). */
export const dashboardUi: RegisterUi = {
  section: 'Главная',
  nav: [{ label: 'Сводка', path: DASHBOARD_PATH, icon: <IconLayoutDashboard size={18} /> }],
  routes: [{ path: DASHBOARD_PATH, component: screen('DashboardScreen') }],
  // The first screen in one round trip: its chunk and its figures start with the app's status. The
  // charts are asked once the figures have painted (DashboardScreen's Charts), not beside them.
  prime: (path, params) => {
    if (path !== DASHBOARD_PATH) return;
    const input = { year: dashboardYear(params) };
    void queryClient.prefetchQuery({ queryKey: ['dashboard.summary', input], queryFn: () => callApi('dashboard.summary', input) });
    return screen.preload();
  },
};
