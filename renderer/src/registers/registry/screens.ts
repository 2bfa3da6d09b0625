/** The register's screens, loaded on first use as one chunk (lazyScreens in index.tsx). */
export { DuplicatesScreen } from './DuplicatesScreen';
export { MunicipalitiesScreen } from './MunicipalitiesScreen';
export { OrganizationsScreen } from './OrganizationsScreen';
export { PeopleScreen } from './PeopleScreen';
export { ProfileScreen } from './ProfileScreen';
