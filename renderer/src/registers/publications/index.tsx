import { IconBooks, IconReportAnalytics } from '@tabler/icons-react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const publicationsUi: RegisterUi = {
  section: 'Печатная продукция',
  nav: [
    { label: 'Печатная продукция', path: '/publications', icon: <IconBooks size={18} /> },
    { label: 'Ведомости остатков', path: '/publications/statements', icon: <IconReportAnalytics size={18} /> },
  ],
  routes: [
    { path: '/publications', component: screen('CatalogueScreen') },
    { path: '/publications/statements', component: screen('StatementsScreen') },
    { path: '/publications/:id', component: screen('PublicationScreen') },
  ],
};
