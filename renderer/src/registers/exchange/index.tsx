import { IconDatabaseExport, IconHistory } from '@tabler/icons-react';
import type { RegisterUi } from '@renderer/app/register';
import { BackupsScreen } from './BackupsScreen';
import { ExportScreen } from './ExportScreen';

export const exchangeUi: RegisterUi = {
  section: 'Обмен и копии',
  nav: [
    { label: 'Выгрузка', path: '/exchange/export', icon: <IconDatabaseExport size={18} /> },
    { label: 'Резервные копии', path: '/exchange/backups', icon: <IconHistory size={18} /> },
  ],
  routes: [
    { path: '/exchange/export', component: ExportScreen },
    { path: '/exchange/backups', component: BackupsScreen },
  ],
};
