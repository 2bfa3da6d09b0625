import { IconListDetails } from '@tabler/icons-react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

// Loaded on first use, as every register's screens: the lists screen brings the form stack.
const screen = lazyScreens(() => import('./ListsScreen'));

export const settingsUi: RegisterUi = {
  section: 'Настройки',
  nav: [{ label: 'Списки', path: '/settings/lists', icon: <IconListDetails size={18} /> }],
  routes: [
    { path: '/settings/lists', component: screen('ListsScreen') },
    { path: '/settings/lists/:list', component: screen('ListsScreen') },
  ],
};
