import { Route, Routes } from 'react-router';
import { ImportOrganisations } from './ImportOrganisations';
import { OrganisationList } from './OrganisationList';

export function OrganisationsPage() {
  return (
    <Routes>
      <Route index element={<OrganisationList />} />
      <Route path="import" element={<ImportOrganisations />} />
    </Routes>
  );
}
