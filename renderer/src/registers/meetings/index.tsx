import { IconChecklist, IconGavel, IconUsersGroup } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const meetingsUi: RegisterUi = {
  section: 'Заседания',
  nav: [
    { label: 'Рабочие группы', path: '/meetings/groups', icon: <IconUsersGroup size={18} /> },
    { label: 'Заседания', path: '/meetings/list', icon: <IconGavel size={18} /> },
    { label: 'Поручения', path: '/meetings/assignments', icon: <IconChecklist size={18} /> },
  ],
  routes: [
    { path: '/meetings/groups', component: screen('GroupsScreen') },
    { path: '/meetings/list', component: screen('MeetingsScreen') },
    { path: '/meetings/list/:id', component: screen('MeetingEditor') },
    { path: '/meetings/assignments', component: screen('AssignmentsScreen') },
    { path: '/meetings/print/:id', component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))), bare: true },
  ],
};
