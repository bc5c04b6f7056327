import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { StaffGate } from '../staff/StaffGate';
import { useStaff } from '../staff/session';
import { LanguageSelect } from '../ui/LanguageSelect';
import { AnalyticsPage } from './AnalyticsPage';
import { CasePage } from './CasePage';
import { QueuePage } from './QueuePage';

export function NurseApp() {
  const { t } = useTranslation();
  return (
    <StaffGate roles={['NURSE', 'PHYSICIAN']} title={t('nurse.nav.main')}>
      <NurseLayout />
    </StaffGate>
  );
}

function NurseLayout() {
  const { t } = useTranslation();
  const { me, logout } = useStaff();
  const link = ({ isActive }: { isActive: boolean }) =>
    `rounded px-3 py-1 ${isActive ? 'bg-blue-700 text-white' : 'text-blue-900 hover:bg-blue-50'}`;
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-300 p-3">
        <nav aria-label={t('nurse.nav.main')} className="flex items-center gap-2">
          <span className="font-bold text-gray-900">{t('app.name')}</span>
          <NavLink to="/nurse" end className={link}>
            {t('nurse.nav.queue')}
          </NavLink>
          <NavLink to="/nurse/analytics" className={link}>
            {t('nurse.nav.analytics')}
          </NavLink>
        </nav>
        <div className="flex items-center gap-3">
          <span className="text-sm text-gray-800">{me?.username}</span>
          <LanguageSelect />
          <button type="button" className="rounded border border-gray-600 px-3 py-1 text-gray-900" onClick={() => void logout()}>
            {t('app.signOut')}
          </button>
        </div>
      </header>
      <Routes>
        <Route index element={<QueuePage />} />
        <Route path="case/:id" element={<CasePage />} />
        <Route path="analytics" element={<AnalyticsPage />} />
      </Routes>
    </div>
  );
}
