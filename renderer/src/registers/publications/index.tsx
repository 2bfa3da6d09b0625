import { IconBooks } from '@tabler/icons-react';
import { lazyBlock, lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const publicationsUi: RegisterUi = {
  section: 'Печатная продукция',
  // One entry: the statements open from the catalogue («Ведомости»), so the navigation stays short enough
  // for the notifications at its foot (tests/e2e/forms.spec.ts checks they cover no action).
  nav: [{ label: 'Печатная продукция', path: '/publications', icon: <IconBooks size={18} /> }],
  routes: [
    { path: '/publications', component: screen('CatalogueScreen') },
    { path: '/publications/statements', component: screen('StatementsScreen') },
    // Issue 22: acts of write-off, opened from the catalogue.
    { path: '/publications/acts', component: screen('ActsScreen') },
    { path: '/publications/:id', component: screen('PublicationScreen') },
  ],
};

/** Issue 21: the block an event's page places («Выдать материалы» and what was handed out there). */
export const EventMaterials = lazyBlock(() => import('./EventMaterials').then((m) => m.EventMaterials));
