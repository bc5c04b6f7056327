import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router-dom';
import { ApiError, problemCode } from '../api/http';
import { DISPOSITIONS, type ClinicInfo, type Disposition, type ReasonCode, type StaffRole } from '../api/types';
import { Field, StaffGate } from '../staff/StaffGate';
import { useStaff } from '../staff/session';
import { LanguageSelect } from '../ui/LanguageSelect';
import { Documents } from './Documents';

export function AdminApp() {
  const { t } = useTranslation();
  return (
    <StaffGate roles={['CLINIC_ADMIN']} title={t('admin.nav.main')}>
      <AdminLayout />
    </StaffGate>
  );
}

function AdminLayout() {
  const { t } = useTranslation();
  const { me, logout } = useStaff();
  const link = ({ isActive }: { isActive: boolean }) => `rounded px-3 py-1 ${isActive ? 'bg-blue-700 text-white' : 'text-blue-900 hover:bg-blue-50'}`;
  return (
    <div className="min-h-screen">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-gray-300 p-3">
        <nav aria-label={t('admin.nav.main')} className="flex flex-wrap items-center gap-2">
          <span className="font-bold text-gray-900">{t('app.name')}</span>
          <NavLink to="/admin" end className={link}>{t('admin.nav.clinic')}</NavLink>
          <NavLink to="/admin/targets" className={link}>{t('admin.nav.targets')}</NavLink>
          <NavLink to="/admin/reasons" className={link}>{t('admin.nav.reasons')}</NavLink>
          <NavLink to="/admin/staff" className={link}>{t('admin.nav.staff')}</NavLink>
          <NavLink to="/admin/documents" className={link}>{t('admin.nav.documents')}</NavLink>
        </nav>
        <div className="flex items-center gap-3">
          <span className="text-sm text-gray-800">{me?.username}</span>
          <LanguageSelect />
          <button type="button" className="rounded border border-gray-600 px-3 py-1" onClick={() => void logout()}>{t('app.signOut')}</button>
        </div>
      </header>
      <main id="main" className="p-3">
        <Routes>
          <Route index element={<ClinicSettings />} />
          <Route path="targets" element={<Targets />} />
          <Route path="reasons" element={<Reasons />} />
          <Route path="staff" element={<Staff />} />
          <Route path="documents" element={<Documents />} />
        </Routes>
      </main>
    </div>
  );
}

function useResult() {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const show = (e: unknown) => setMessage({ ok: false, text: e instanceof ApiError ? e.detail : String(e) });
  return { message, setMessage, show };
}

function Result({ message }: { message: { ok: boolean; text: string } | null }) {
  if (!message) return null;
  return (
    <p role={message.ok ? 'status' : 'alert'} className={`rounded p-2 ${message.ok ? 'bg-emerald-50 text-emerald-950' : 'bg-red-50 text-red-900'}`}>
      {message.text}
    </p>
  );
}

function ClinicSettings() {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [clinic, setClinic] = useState<ClinicInfo | null>(null);
  const { message, setMessage, show } = useResult();
  useEffect(() => {
    void api<ClinicInfo>('/api/v1/admin/clinic').then(setClinic).catch(show);
  }, [api]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!clinic) return <p role="status">{t('app.loading')}</p>;
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      setClinic(await api<ClinicInfo>('/api/v1/admin/clinic', { method: 'PUT', body: { name: clinic!.name, emergencyNumber: clinic!.emergencyNumber } }));
      setMessage({ ok: true, text: t('admin.clinic.saved') });
    } catch (err) {
      show(err);
    }
  }
  return (
    <form className="flex max-w-md flex-col gap-3" onSubmit={save}>
      <h1 className="text-2xl font-bold text-gray-900">{t('admin.nav.clinic')}</h1>
      <Field label={t('admin.clinic.name')} value={clinic.name} onChange={(e) => setClinic({ ...clinic, name: e.target.value })} required />
      <Field label={t('admin.clinic.emergencyNumber')} value={clinic.emergencyNumber} onChange={(e) => setClinic({ ...clinic, emergencyNumber: e.target.value })} required inputMode="tel" />
      <button type="submit" className="self-start rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('admin.clinic.save')}</button>
      <Result message={message} />
    </form>
  );
}

/** ISO-8601 durations (PT2M) or seconds, whichever the server sent, as minutes. */
export function durationMinutes(value: string | number): number {
  if (typeof value === 'number') return Math.round(value / 60);
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(value);
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0) + Math.round(Number(m[3] ?? 0) / 60);
}

function Targets() {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [targets, setTargets] = useState<Record<Disposition, number> | null>(null);
  const { message, setMessage, show } = useResult();
  const read = (r: Record<Disposition, string | number>) =>
    Object.fromEntries(DISPOSITIONS.map((d) => [d, durationMinutes(r[d])])) as Record<Disposition, number>;
  useEffect(() => {
    void api<Record<Disposition, string>>('/api/v1/admin/review-targets').then((r) => setTargets(read(r))).catch(show);
  }, [api]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!targets) return <p role="status">{t('app.loading')}</p>;
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      const body = Object.fromEntries(DISPOSITIONS.map((d) => [d, `PT${targets![d]}M`]));
      setTargets(read(await api('/api/v1/admin/review-targets', { method: 'PUT', body })));
      setMessage({ ok: true, text: t('admin.clinic.saved') });
    } catch (err) {
      show(err);
    }
  }
  return (
    <form className="flex max-w-md flex-col gap-3" onSubmit={save}>
      <h1 className="text-2xl font-bold text-gray-900">{t('admin.nav.targets')}</h1>
      <p>{t('admin.targets.explain')}</p>
      {DISPOSITIONS.map((d) => (
        <Field key={d} label={t(`disposition.${d}.label`)} type="number" min={1} max={20160} value={targets[d]} onChange={(e) => setTargets({ ...targets, [d]: Number(e.target.value) })} required />
      ))}
      <button type="submit" className="self-start rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('admin.targets.save')}</button>
      <Result message={message} />
    </form>
  );
}

function Reasons() {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [codes, setCodes] = useState<ReasonCode[] | null>(null);
  const { message, setMessage, show } = useResult();
  useEffect(() => {
    void api<ReasonCode[]>('/api/v1/admin/reason-codes').then(setCodes).catch(show);
  }, [api]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!codes) return <p role="status">{t('app.loading')}</p>;
  const change = (i: number, patch: Partial<ReasonCode>) => setCodes(codes.map((c, n) => (n === i ? { ...c, ...patch } : c)));
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      setCodes(await api<ReasonCode[]>('/api/v1/admin/reason-codes', { method: 'PUT', body: codes }));
      setMessage({ ok: true, text: t('admin.clinic.saved') });
    } catch (err) {
      show(err);
    }
  }
  return (
    <form className="flex flex-col gap-3" onSubmit={save}>
      <h1 className="text-2xl font-bold text-gray-900">{t('admin.nav.reasons')}</h1>
      <table className="border-collapse text-left">
        <thead>
          <tr>
            <th scope="col" className="p-1">{t('admin.reasons.code')}</th>
            <th scope="col" className="p-1">{t('admin.reasons.label')}</th>
            <th scope="col" className="p-1">{t('admin.reasons.active')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((c, i) => (
            <tr key={i}>
              <td className="p-1"><input aria-label={`${t('admin.reasons.code')} ${i + 1}`} className="rounded border border-gray-500 px-2 py-1" value={c.code} onChange={(e) => change(i, { code: e.target.value.toUpperCase() })} /></td>
              <td className="p-1"><input aria-label={`${t('admin.reasons.label')} ${i + 1}`} className="w-80 rounded border border-gray-500 px-2 py-1" value={c.label} onChange={(e) => change(i, { label: e.target.value })} /></td>
              <td className="p-1"><input aria-label={`${t('admin.reasons.active')} ${i + 1}`} type="checkbox" checked={c.active} onChange={(e) => change(i, { active: e.target.checked })} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex gap-2">
        <button type="button" className="rounded border border-gray-600 px-3 py-1" onClick={() => setCodes([...codes, { code: '', label: '', active: true }])}>{t('admin.reasons.add')}</button>
        <button type="submit" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('admin.reasons.save')}</button>
      </div>
      <Result message={message} />
    </form>
  );
}

interface StaffView {
  id: string;
  username: string;
  displayName: string;
  role: StaffRole;
  mfaEnrolled: boolean;
  disabled: boolean;
  locked: boolean;
  /** A nurse in charge: takes the cases escalated past the nurses' target. A duty, not a role. */
  chargeNurse: boolean;
}

const ROLES: StaffRole[] = ['NURSE', 'PHYSICIAN', 'CLINIC_ADMIN', 'AUDITOR'];

function Staff() {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [staff, setStaff] = useState<StaffView[] | null>(null);
  const [reauth, setReauth] = useState<(() => Promise<void>) | null>(null);
  const [draft, setDraft] = useState({ username: '', displayName: '', role: 'NURSE' as StaffRole, password: '' });
  const { message, setMessage, show } = useResult();
  const load = useCallback(() => api<StaffView[]>('/api/v1/admin/staff').then(setStaff).catch(show), [api]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    void load();
  }, [load]);

  /** Admin changes need a fresh password + code: ask for them when the server says so, then retry once. */
  async function guarded(action: () => Promise<void>) {
    try {
      await action();
      await load();
    } catch (e) {
      if (problemCode(e) === 'reauthentication-required') setReauth(() => action);
      else show(e);
    }
  }

  if (!staff) return <p role="status">{t('app.loading')}</p>;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold text-gray-900">{t('admin.nav.staff')}</h1>
      <Result message={message} />
      <table className="border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-gray-400">
            {['username', 'displayName', 'role', 'mfa', 'status', 'actions'].map((c) => (
              <th key={c} scope="col" className="p-1">{t(`admin.staff.${c}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {staff.map((s) => (
            <tr key={s.id} className="border-b border-gray-200">
              <td className="p-1">{s.username}</td>
              <td className="p-1">{s.displayName}</td>
              <td className="p-1">
                <select aria-label={`${t('admin.staff.role')}: ${s.username}`} className="rounded border border-gray-500" value={s.role}
                  onChange={(e) => void guarded(async () => { await api(`/api/v1/admin/staff/${s.id}`, { method: 'PATCH', body: { role: e.target.value } }); })}>
                  {ROLES.map((r) => <option key={r} value={r}>{t(`admin.roles.${r}`)}</option>)}
                </select>
                {s.role === 'NURSE' && (
                  <label className="ml-2 inline-flex items-center gap-1">
                    <input type="checkbox" checked={s.chargeNurse}
                      onChange={(e) => { const chargeNurse = e.target.checked; void guarded(async () => { await api(`/api/v1/admin/staff/${s.id}`, { method: 'PATCH', body: { chargeNurse } }); }); }} />
                    {t('admin.staff.chargeNurse')}<span className="sr-only"> {s.username}</span>
                  </label>
                )}
              </td>
              <td className="p-1">{s.mfaEnrolled ? t('admin.staff.enrolled') : t('admin.staff.notEnrolled')}</td>
              <td className="p-1">{s.disabled ? t('admin.staff.disabled') : s.locked ? t('admin.staff.locked') : t('admin.staff.active')}</td>
              <td className="flex flex-wrap gap-1 p-1">
                <button type="button" className="rounded border border-gray-600 px-2" onClick={() => void guarded(async () => { await api(`/api/v1/admin/staff/${s.id}`, { method: 'PATCH', body: { disabled: !s.disabled } }); })}>
                  {s.disabled ? t('admin.staff.enable') : t('admin.staff.disable')}<span className="sr-only"> {s.username}</span>
                </button>
                {s.locked && (
                  <button type="button" className="rounded border border-gray-600 px-2" onClick={() => void guarded(async () => { await api(`/api/v1/admin/staff/${s.id}`, { method: 'PATCH', body: { unlock: true } }); })}>
                    {t('admin.staff.unlock')}<span className="sr-only"> {s.username}</span>
                  </button>
                )}
                <button type="button" className="rounded border border-gray-600 px-2" onClick={() => void guarded(async () => { await api(`/api/v1/admin/staff/${s.id}/mfa-reset`, { body: {} }); })}>
                  {t('admin.staff.mfaReset')}<span className="sr-only"> {s.username}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="flex max-w-md flex-col gap-2" onSubmit={(e) => {
        e.preventDefault();
        void guarded(async () => {
          await api('/api/v1/admin/staff', { body: draft });
          setDraft({ username: '', displayName: '', role: 'NURSE', password: '' });
          setMessage({ ok: true, text: t('admin.staff.created') });
        });
      }}>
        <h2 className="text-lg font-semibold text-gray-900">{t('admin.staff.create')}</h2>
        <Field label={t('admin.staff.username')} value={draft.username} onChange={(e) => setDraft({ ...draft, username: e.target.value })} required />
        <Field label={t('admin.staff.displayName')} value={draft.displayName} onChange={(e) => setDraft({ ...draft, displayName: e.target.value })} />
        <label className="flex flex-col">
          {t('admin.staff.role')}
          <select className="rounded border border-gray-500 px-2 py-1" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value as StaffRole })}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`admin.roles.${r}`)}</option>)}
          </select>
        </label>
        <Field label={t('admin.staff.temporaryPassword')} type="password" autoComplete="new-password" minLength={12} maxLength={64} value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} required />
        <button type="submit" className="self-start rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('admin.staff.create')}</button>
      </form>
      {reauth && <Reauthenticate onDone={async () => { const retry = reauth; setReauth(null); await guarded(retry); }} onCancel={() => setReauth(null)} />}
    </div>
  );
}

function Reauthenticate({ onDone, onCancel }: { onDone: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="reauth-title" className="fixed inset-0 flex items-center justify-center bg-black/40">
      <form className="flex w-96 flex-col gap-3 rounded bg-white p-4" onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api('/api/v1/auth/reauthenticate', { body: { password, totp } });
          await onDone();
        } catch (err) {
          setError(err instanceof ApiError ? err.detail : String(err));
        }
      }}>
        <h2 id="reauth-title" className="text-lg font-semibold text-gray-900">{t('staff.reauth.title')}</h2>
        <p>{t('staff.reauth.explain')}</p>
        <Field label={t('staff.login.password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus autoComplete="current-password" />
        <Field label={t('staff.login.totp')} value={totp} onChange={(e) => setTotp(e.target.value)} required inputMode="numeric" autoComplete="one-time-code" />
        {error && <p role="alert" className="text-red-900">{error}</p>}
        <div className="flex gap-2">
          <button type="submit" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('staff.reauth.confirm')}</button>
          <button type="button" className="rounded border border-gray-600 px-3" onClick={onCancel}>{t('staff.reauth.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
