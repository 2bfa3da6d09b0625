import { IconBuilding, IconCopy, IconId, IconMap2, IconUsers } from '@tabler/icons-react';
import { lazyBlock, lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const registryUi: RegisterUi = {
  section: 'Реестр',
  nav: [
    { label: 'Организации', path: '/registry/organizations', icon: <IconBuilding size={18} /> },
    { label: 'Специалисты', path: '/registry/people', icon: <IconUsers size={18} /> },
    { label: 'Дубликаты', path: '/registry/duplicates', icon: <IconCopy size={18} /> },
    { label: 'Муниципалитеты', path: '/registry/municipalities', icon: <IconMap2 size={18} /> },
    { label: 'Профиль центра', path: '/registry/profile', icon: <IconId size={18} /> },
  ],
  routes: [
    { path: '/registry/organizations', component: screen('OrganizationsScreen') },
    { path: '/registry/people', component: screen('PeopleScreen') },
    { path: '/registry/duplicates', component: screen('DuplicatesScreen') },
    { path: '/registry/municipalities', component: screen('MunicipalitiesScreen') },
    { path: '/registry/profile', component: screen('ProfileScreen') },
  ],
};

/**
 * The person form, for adding someone to the registry from another register (a guest of a
 * meeting). Loaded when it opens: it brings the form stack and the contract's zod schemas.
 */
export const PersonForm = lazyBlock(() => import('./PersonForm').then((m) => m.PersonForm));
