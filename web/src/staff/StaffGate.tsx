import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request } from '../api/http';
import type { StaffRole } from '../api/types';
import { LanguageSelect } from '../ui/LanguageSelect';
import { useStaff, type LoginResponse } from './session';

/** Shows its children to signed-in staff of the given roles; the sign-in form (password + TOTP) otherwise. */
export function StaffGate({ roles, title, children }: { roles: StaffRole[]; title: string; children: ReactNode }) {
  const { me, refreshMe } = useStaff();
  const [restoring, setRestoring] = useState(true);
  const { t } = useTranslation();
  useEffect(() => {
    refreshMe()
      .catch(() => undefined)
      .finally(() => setRestoring(false));
  }, [refreshMe]);
  if (restoring) return <p role="status" className="p-4">{t('app.loading')}</p>;
  if (!me) return <LoginForm title={title} />;
  if (me.passwordChangeRequired) return <PasswordChange />;
  if (!roles.includes(me.role)) {
    return (
      <main id="main" className="mx-auto max-w-md p-4">
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900">{t('staff.login.wrongRole')}</p>
      </main>
    );
  }
  return <>{children}</>;
}

function Field({ label, ...input }: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium text-gray-900">
        {label}
      </label>
      <input id={id} className="rounded border border-gray-500 px-2 py-2 text-gray-900" {...input} />
    </div>
  );
}

function LoginForm({ title }: { title: string }) {
  const { t } = useTranslation();
  const { login } = useStaff();
  const [clinic, setClinic] = useState(new URLSearchParams(window.location.search).get('clinic') ?? 'demo');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrolmentToken, setEnrolmentToken] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await login(clinic.trim(), username.trim(), password, totp.trim());
      if (result.kind === 'enrolment-required') setEnrolmentToken(result.enrolmentToken);
    } catch (err) {
      setError(err instanceof ApiError && err.status !== 0 ? err.detail : t('app.networkError'));
    } finally {
      setBusy(false);
    }
  }

  if (enrolmentToken) return <MfaEnrolment enrolmentToken={enrolmentToken} />;
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <div className="flex items-center justify-between">
        <p className="text-lg font-semibold text-gray-900">{title}</p>
        <LanguageSelect />
      </div>
      <h1 className="text-2xl font-bold text-gray-900">{t('staff.login.title')}</h1>
      <form className="flex flex-col gap-3" onSubmit={submit}>
        <Field label={t('staff.login.clinic')} name="clinic" value={clinic} onChange={(e) => setClinic(e.target.value)} required autoComplete="organization" />
        <Field label={t('staff.login.username')} name="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="username" />
        <Field label={t('staff.login.password')} name="password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="current-password" />
        <Field
          label={t('staff.login.totp')}
          name="totp"
          value={totp}
          onChange={(e) => setTotp(e.target.value)}
          inputMode="numeric"
          pattern="[0-9]{6}"
          autoComplete="one-time-code"
        />
        <button type="submit" disabled={busy} className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60">
          {t('staff.login.submit')}
        </button>
        {error && (
          <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}

/** First sign-in of an account without a second factor: scan the QR code, confirm a first code, keep the recovery codes. */
function MfaEnrolment({ enrolmentToken }: { enrolmentToken: string }) {
  const { t } = useTranslation();
  const { signedIn } = useStaff();
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string; qrCode: string } | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState<LoginResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    request<{ secret: string; otpauthUri: string; qrCode: string }>('/api/v1/auth/mfa/enrolment', { body: {}, token: enrolmentToken })
      .then(setEnrolment)
      .catch((e) => setError(e instanceof ApiError ? e.detail : String(e)));
  }, [enrolmentToken]);
  async function confirm(e: FormEvent) {
    e.preventDefault();
    try {
      setDone(await request<LoginResponse>('/api/v1/auth/mfa/enrolment/confirm', { body: { code: code.trim() }, token: enrolmentToken }));
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : String(err));
    }
  }
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <h1 className="text-2xl font-bold text-gray-900">{t('staff.mfa.title')}</h1>
      {done ? (
        <>
          <p>{t('staff.mfa.recoveryExplain')}</p>
          <ul className="grid grid-cols-2 gap-1 font-mono" data-testid="recovery-codes">
            {(done.recoveryCodes ?? []).map((c) => <li key={c}>{c}</li>)}
          </ul>
          <button type="button" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white" onClick={() => void signedIn(done)}>
            {t('staff.mfa.saved')}
          </button>
        </>
      ) : (
        <>
          <p>{t('staff.mfa.explain')}</p>
          {enrolment && (
            <>
              <img src={enrolment.qrCode} alt={t('staff.mfa.qrAlt')} className="h-48 w-48" />
              <p className="break-all text-sm">
                {t('staff.mfa.secret')}: <code>{enrolment.secret}</code>
              </p>
            </>
          )}
          <form className="flex flex-col gap-3" onSubmit={confirm}>
            <Field label={t('staff.login.totp')} value={code} onChange={(e) => setCode(e.target.value)} required inputMode="numeric" autoComplete="one-time-code" />
            <button type="submit" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">{t('staff.mfa.confirm')}</button>
          </form>
        </>
      )}
      {error && <p role="alert" className="rounded bg-red-50 p-3 text-red-900">{error}</p>}
    </main>
  );
}

function PasswordChange() {
  const { t } = useTranslation();
  const { api, refreshMe } = useStaff();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [error, setError] = useState<string | null>(null);
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await api('/api/v1/auth/password', { body: { currentPassword: current, newPassword: next } });
      await refreshMe();
    } catch (err) {
      setError(err instanceof ApiError ? err.detail : String(err));
    }
  }
  return (
    <main id="main" className="mx-auto flex max-w-md flex-col gap-4 p-4">
      <h1 className="text-2xl font-bold text-gray-900">{t('staff.login.changePassword')}</h1>
      <p>{t('staff.login.passwordChangeRequired')}</p>
      <form className="flex flex-col gap-3" onSubmit={submit}>
        <Field label={t('staff.login.password')} type="password" value={current} onChange={(e) => setCurrent(e.target.value)} required autoComplete="current-password" />
        <Field label={t('staff.login.newPassword')} type="password" value={next} onChange={(e) => setNext(e.target.value)} required minLength={12} maxLength={64} autoComplete="new-password" />
        <button type="submit" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">
          {t('staff.login.changePassword')}
        </button>
        {error && <p role="alert" className="text-red-900">{error}</p>}
      </form>
    </main>
  );
}

export { Field };
