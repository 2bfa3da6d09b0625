import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

/**
 * Новость для сайта (issue 24): reached from a held meeting's or event's page («Новость для
 * сайта»), not from the navigation — a news item always belongs to its meeting or event.
 */
export const newsUi: RegisterUi = {
  section: 'Новости',
  nav: [],
  routes: [{ path: '/news/:kind/:id', component: screen('NewsScreen') }],
};

export { NewsButton } from './NewsButton';
