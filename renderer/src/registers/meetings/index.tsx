import { IconChecklist, IconGavel, IconUsersGroup } from '@tabler/icons-react';
import type { RegisterUi } from '@renderer/app/register';
import { AssignmentsScreen } from './AssignmentsScreen';
import { GroupsScreen } from './GroupsScreen';
import { MeetingEditor } from './MeetingEditor';
import { MeetingsScreen } from './MeetingsScreen';
import { PrintView } from './PrintView';

export const meetingsUi: RegisterUi = {
  section: 'Заседания',
  nav: [
    { label: 'Рабочие группы', path: '/meetings/groups', icon: <IconUsersGroup size={18} /> },
    { label: 'Заседания', path: '/meetings/list', icon: <IconGavel size={18} /> },
    { label: 'Поручения', path: '/meetings/assignments', icon: <IconChecklist size={18} /> },
  ],
  routes: [
    { path: '/meetings/groups', component: GroupsScreen },
    { path: '/meetings/list', component: MeetingsScreen },
    { path: '/meetings/list/:id', component: MeetingEditor },
    { path: '/meetings/assignments', component: AssignmentsScreen },
    { path: '/meetings/print/:id', component: PrintView, bare: true },
  ],
};
