import { Route, Routes } from 'react-router';
import { EventPage } from './EventPage';
import { CertificatesPrint, SignInSheetPrint } from './PrintViews';
import { ProgrammeList } from './ProgrammeList';
import { ProgrammePage } from './ProgrammePage';
import './programmes.css';

/** /programmes: the list, a programme with its events, an event with its sessions, and print views. */
export function ProgrammesPage() {
  return (
    <Routes>
      <Route index element={<ProgrammeList />} />
      <Route path="print/sign-in/:sessionId" element={<SignInSheetPrint />} />
      <Route path="print/certificates/:eventId" element={<CertificatesPrint />} />
      <Route path=":programmeId" element={<ProgrammePage />} />
      <Route path=":programmeId/events/:eventId/:tab?" element={<EventPage />} />
    </Routes>
  );
}
