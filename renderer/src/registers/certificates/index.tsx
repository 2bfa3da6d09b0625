import { IconCertificate, IconLayoutBoard } from '@tabler/icons-react';
import { lazy } from 'react';
import { lazyBlock, lazyScreens, type RegisterUi } from '@renderer/app/register';

const screen = lazyScreens(() => import('./screens'));

export const certificatesUi: RegisterUi = {
  section: 'Сертификаты',
  nav: [
    { label: 'Реестр сертификатов', path: '/certificates/list', icon: <IconCertificate size={18} /> },
    { label: 'Оформление', path: '/certificates/layout', icon: <IconLayoutBoard size={18} /> },
  ],
  routes: [
    { path: '/certificates/list', component: screen('CertificatesScreen') },
    { path: '/certificates/layout', component: screen('LayoutScreen') },
    { path: '/certificates/print', component: lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView }))), bare: true },
  ],
};

/** The event card's «Сертификаты» menu (issue to completers, download), loaded only when the card shows it. */
export const EventCertificates = lazyBlock(() => import('./EventCertificates').then((m) => m.EventCertificates));
