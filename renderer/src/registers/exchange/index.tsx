import { IconDatabaseExport, IconHistory } from '@tabler/icons-react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const exchangeUi: RegisterUi = {
  section: 'Обмен и копии',
  nav: [
    { label: 'Выгрузка', path: '/exchange/export', icon: <IconDatabaseExport size={18} /> },
    { label: 'Резервные копии', path: '/exchange/backups', icon: <IconHistory size={18} /> },
  ],
  routes: [
    { path: '/exchange/export', component: screen('ExportScreen') },
    { path: '/exchange/backups', component: screen('BackupsScreen') },
  ],
};
