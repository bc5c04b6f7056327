import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/http';
import { useStaff } from '../staff/session';

interface ExportStatus {
  status: 'PENDING' | 'SENT' | 'FAILED' | 'INVALID' | 'NOT_QUEUED';
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  nextAttemptAt: string | null;
  validationMessages?: { severity: string; location: string; message: string }[];
}

interface PatientContext {
  status: string;
  patient: { ehrId: string; name: string | null; birthDate: string | null; gender: string | null } | null;
  allergies: string[];
  conditions: string[];
  medications: string[];
  problems: string[];
  riskModifiers: { pregnancy: boolean; anticoagulants: boolean; immunosuppression: boolean; chronicDisease: boolean } | null;
  /** What reading the record did to the case: RAISED means the engine's disposition rose because of it. */
  reassessment?: { outcome: string; before: string | null; after: string | null } | null;
}

/** The case and the clinic's EHR: where the FHIR export stands, and the linked patient's record. */
export function EhrPanel({ consultationId, decided }: { consultationId: string; decided: boolean }) {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [exportStatus, setExportStatus] = useState<ExportStatus | null>(null);
  const [context, setContext] = useState<PatientContext | null>(null);
  const [system, setSystem] = useState('');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { system: useId(), value: useId() };
  const base = `/api/v1/consultations/${consultationId}/fhir`;

  const load = useCallback(async () => {
    try {
      setExportStatus(await api<ExportStatus>(`${base}/export`));
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  }, [api, base]);
  useEffect(() => {
    void load();
  }, [load, decided]);

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  }

  async function link(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const linked = await api<{ context: PatientContext }>(`${base}/patient`, { method: 'PUT', body: { system: system.trim(), value: value.trim() } });
      setContext(linked.context);
    });
  }

  const flags = context?.riskModifiers
    ? (Object.entries(context.riskModifiers) as [string, boolean][]).filter(([, on]) => on).map(([k]) => t(`nurse.ehr.risk.${k}`))
    : [];

  return (
    <section aria-labelledby="ehr-title" className="rounded border border-gray-300 p-3" data-testid="ehr">
      <h2 id="ehr-title" className="mb-2 text-lg font-semibold text-gray-900">{t('nurse.ehr.title')}</h2>
      {exportStatus && (
        <p data-testid="export-status">
          {t('nurse.ehr.export')}: <strong>{t(`nurse.ehr.status.${exportStatus.status}`)}</strong>
          {exportStatus.attempts > 0 && ` · ${t('nurse.ehr.attempts', { count: exportStatus.attempts })}`}
          {exportStatus.lastError && exportStatus.status !== 'SENT' && ` · ${exportStatus.lastError}`}
        </p>
      )}
      {exportStatus?.status === 'INVALID' && (exportStatus.validationMessages ?? []).length > 0 && (
        <ul className="mt-1 list-disc pl-5 text-sm text-amber-900" aria-label={t('nurse.ehr.validation')}>
          {(exportStatus.validationMessages ?? []).map((m, i) => (
            <li key={i}>{m.severity} {m.location}: {m.message}</li>
          ))}
        </ul>
      )}
      {(exportStatus?.status === 'FAILED' || exportStatus?.status === 'INVALID') && (
        <button type="button" className="mt-1 rounded border border-gray-600 px-3 py-1" onClick={() => void run(async () => setExportStatus(await api<ExportStatus>(`${base}/export`, { body: {} })))}>
          {t('nurse.ehr.resend')}
        </button>
      )}
      <form className="mt-3 flex flex-wrap items-end gap-2" onSubmit={link}>
        <div className="flex flex-col">
          <label htmlFor={ids.system} className="text-sm">{t('nurse.ehr.system')}</label>
          <input id={ids.system} className="rounded border border-gray-500 px-2 py-1" value={system} onChange={(e) => setSystem(e.target.value)} placeholder="urn:oid:..." required />
        </div>
        <div className="flex flex-col">
          <label htmlFor={ids.value} className="text-sm">{t('nurse.ehr.value')}</label>
          <input id={ids.value} className="rounded border border-gray-500 px-2 py-1" value={value} onChange={(e) => setValue(e.target.value)} required />
        </div>
        <button type="submit" className="rounded border border-gray-600 px-3 py-1">{t('nurse.ehr.link')}</button>
      </form>
      {context && (
        <div className="mt-3 text-sm" data-testid="patient-context">
          {context.patient && <p>{[context.patient.name, context.patient.birthDate, context.patient.gender].filter(Boolean).join(' · ')}</p>}
          {flags.length > 0 && <p className="font-semibold text-red-900">{t('nurse.ehr.riskHints')}: {flags.join(', ')}</p>}
          {context.reassessment?.outcome === 'RAISED' && (
            <p role="status" className="font-semibold text-red-900">
              {t('nurse.ehr.raised', { before: context.reassessment.before ?? '-', after: context.reassessment.after ?? '-' })}
            </p>
          )}
          <p>{t('nurse.ehr.allergies')}: {context.allergies.join(', ') || t('nurse.case.none')}</p>
          <p>{t('nurse.ehr.conditions')}: {context.conditions.join(', ') || t('nurse.case.none')}</p>
          <p>{t('nurse.ehr.medications')}: {context.medications.join(', ') || t('nurse.case.none')}</p>
          {context.problems.length > 0 && <p className="text-amber-900">{context.problems.join(' ')}</p>}
        </div>
      )}
      {error && <p role="alert" className="mt-2 text-red-900">{error}</p>}
    </section>
  );
}
