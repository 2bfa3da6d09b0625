import { IconChartHistogram, IconListNumbers, IconTable } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const indicatorsUi: RegisterUi = {
  section: 'Мониторинг',
  nav: [
    { label: 'Ввод показателей', path: '/indicators', icon: <IconTable size={18} /> },
    { label: 'Показатели по годам', path: '/indicators/years', icon: <IconChartHistogram size={18} /> },
    { label: 'Каталог показателей', path: '/indicators/catalogue', icon: <IconListNumbers size={18} /> },
  ],
  routes: [
    { path: '/indicators', component: screen('SheetScreen') },
    { path: '/indicators/years', component: screen('YearsScreen') },
    { path: '/indicators/catalogue', component: screen('CatalogueScreen') },
    {
      path: '/indicators/print',
      component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))),
      bare: true,
    },
  ],
};
