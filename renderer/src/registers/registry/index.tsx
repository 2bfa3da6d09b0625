import { IconBuilding, IconCopy, IconId, IconMap2, IconUsers } from '@tabler/icons-react';
import { lazy, Suspense, type ComponentProps } from 'react';
import { lazyScreens, type RegisterUi } from '@renderer/app/register';

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

const LazyPersonForm = lazy(() => import('./PersonForm').then((m) => ({ default: m.PersonForm })));

/**
 * The person form, for adding someone to the registry from another register (a guest of a
 * meeting). Loaded when it opens: this index is part of the first screen's bundle, and the form
 * brings the form stack and the contract's zod schemas.
 */
export function PersonForm(props: ComponentProps<typeof LazyPersonForm>) {
  return (
    <Suspense fallback={null}>
      <LazyPersonForm {...props} />
    </Suspense>
  );
}
