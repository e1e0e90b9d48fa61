import { Route, Routes } from 'react-router';
import { ImportWizard } from './ImportWizard';
import { PeopleList } from './PeopleList';
import { PersonPage } from './PersonPage';

export function ParticipantsPage() {
  return (
    <Routes>
      <Route index element={<PeopleList />} />
      <Route path="import" element={<ImportWizard />} />
      <Route path=":id" element={<PersonPage />} />
    </Routes>
  );
}
