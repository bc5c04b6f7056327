import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, request } from '../api/http';
import type { ClinicInfo, StartedConsultation } from '../api/types';
import { LanguageSelect } from '../ui/LanguageSelect';
import { lastConsultation, saveCredentials } from './credentials';

/** The clinic's link opens here: who we are, the emergency number first, then "Start". */
export function StartScreen() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const slug = params.get('clinic') ?? 'demo';
  const [clinic, setClinic] = useState<ClinicInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const previous = lastConsultation();

  useEffect(() => {
    request<ClinicInfo>(`/api/v1/clinics/${encodeURIComponent(slug)}`)
      .then(setClinic)
      .catch((e) => setError(e instanceof ApiError && e.status === 404 ? t('patient.start.unknownClinic') : t('app.networkError')));
  }, [slug, t]);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const started = await request<StartedConsultation>('/api/v1/consultations', {
        body: { clinic: slug, language: i18n.resolvedLanguage ?? 'en' },
      });
      saveCredentials({ id: started.id, token: started.accessToken });
      navigate(`/c/${started.id}`);
    } catch (e) {
      setError(e instanceof ApiError && e.status !== 0 ? e.detail : t('app.networkError'));
      setBusy(false);
    }
  }

  return (
    <main id="main" className="mx-auto flex max-w-xl flex-col gap-5 p-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold text-gray-900">{t('patient.start.title')}</h1>
        <LanguageSelect />
      </div>
      {clinic && (
        <>
          <p className="text-lg text-gray-800">{t('patient.start.intro', { clinic: clinic.name })}</p>
          <p className="rounded border-2 border-red-700 bg-red-50 p-3 font-semibold text-red-900">
            {t('patient.start.emergencyFirst', { number: clinic.emergencyNumber })}{' '}
            <a className="underline" href={`tel:${clinic.emergencyNumber.replace(/\s/g, '')}`}>
              {clinic.emergencyNumber}
            </a>
          </p>
          <button
            type="button"
            className="rounded-lg bg-blue-700 px-4 py-3 text-lg font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
            onClick={start}
            disabled={busy}
          >
            {t('patient.start.button')}
          </button>
          {previous && (
            <button
              type="button"
              className="rounded-lg border border-blue-700 px-4 py-2 text-blue-800"
              onClick={() => navigate(`/c/${previous.id}`)}
            >
              {t('patient.start.resume')}
            </button>
          )}
        </>
      )}
      {!clinic && !error && <p role="status">{t('app.loading')}</p>}
      {error && (
        <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
          {error}
        </p>
      )}
    </main>
  );
}
