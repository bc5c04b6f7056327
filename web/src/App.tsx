import { Route, Routes } from 'react-router-dom';
import { AdminApp } from './admin/AdminApp';
import { NurseApp } from './nurse/NurseApp';
import { ChatScreen } from './patient/ChatScreen';
import { StartScreen } from './patient/StartScreen';
import { StaffSessionProvider } from './staff/session';

export function App() {
  return (
    <Routes>
      <Route path="/" element={<StartScreen />} />
      <Route path="/c/:id" element={<ChatScreen />} />
      <Route path="/nurse/*" element={<StaffSessionProvider><NurseApp /></StaffSessionProvider>} />
      <Route path="/admin/*" element={<StaffSessionProvider><AdminApp /></StaffSessionProvider>} />
    </Routes>
  );
}
