import { IconNews } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

/**
 * Новости для сайта (issue 24): the list of the center's news items in the navigation; each item
 * is drafted from a held meeting's or event's page («Новость для сайта») and belongs to it.
 */
export const newsUi: RegisterUi = {
  section: 'Новости',
  nav: [{ label: 'Новости для сайта', path: '/news/list', icon: <IconNews size={18} /> }],
  routes: [
    { path: '/news/list', component: screen('NewsListScreen') },
    { path: '/news/print', component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))), bare: true },
    { path: '/news/:kind/:id', component: screen('NewsScreen') },
  ],
};

export { NewsButton } from './NewsButton';
