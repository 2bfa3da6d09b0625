/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx). */
export { CertificatesScreen } from './CertificatesScreen';
export { LayoutScreen } from './LayoutScreen';
