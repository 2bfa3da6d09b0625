import { IconListDetails } from '@tabler/icons-react';
import type { RegisterUi } from '@renderer/app/register';
import { ListsScreen } from './ListsScreen';

export const settingsUi: RegisterUi = {
  section: 'Настройки',
  nav: [{ label: 'Списки', path: '/settings/lists', icon: <IconListDetails size={18} /> }],
  routes: [
    { path: '/settings/lists', component: ListsScreen },
    { path: '/settings/lists/:list', component: ListsScreen },
  ],
};
