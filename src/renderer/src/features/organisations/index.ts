export { OrganisationsPage } from './OrganisationsPage';
export { EmployerPicker } from './EmployerPicker';
