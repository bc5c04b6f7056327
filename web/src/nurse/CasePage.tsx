import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../api/http';
import { DISPOSITIONS, type Case, type Disposition, type Message, type ReasonCode } from '../api/types';
import { useStaff } from '../staff/session';
import { CitationLink, citationsOf } from '../ui/Citation';
import { DispositionBadge } from '../ui/DispositionBadge';
import { EhrPanel } from './EhrPanel';
import { useDashboardUpdates } from './liveUpdates';

/** The one-screen case: transcript, the AI's assessment (labelled), and the decision. */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { api, me } = useStaff();
  const [data, setData] = useState<Case | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setData(await api<Case>(`/api/v1/review/${id}`));
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  }, [api, id]);
  useEffect(() => {
    void load();
  }, [load]);
  useDashboardUpdates((u) => {
    if (!u.consultationId || u.consultationId === id) void load();
  });

  async function act(path: string, body: unknown = {}) {
    setError(null);
    try {
      await api(`/api/v1/review/${id}/${path}`, { body });
      await load();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setError(t('nurse.case.conflict', { detail: e.detail }));
      else setError(e instanceof ApiError ? e.detail : String(e));
    }
  }

  if (!data) {
    return (
      <main id="main" className="p-3">
        {error ? <p role="alert" className="text-red-900">{error}</p> : <p role="status">{t('app.loading')}</p>}
      </main>
    );
  }
  const { review, consultation } = data;
  const assessment = consultation.assessment;
  const item = review.item;
  const mine = item.state === 'CLAIMED' && me != null && item.claimedBy === me.username;
  const decided = item.state === 'DECIDED';

  return (
    <main id="main" className="flex flex-col gap-4 p-3">
      <Link to="/nurse" className="text-blue-800 underline">
        ← {t('nurse.case.back')}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-gray-900">{t('nurse.case.title')}</h1>
        <DispositionBadge disposition={item.aiDisposition} prefix={t('nurse.case.aiDisposition') + ':'} />
        <span className="text-gray-800">{t('nurse.queue.minutes', { count: item.waitingMinutes })}</span>
        {item.breaches > 0 && <span className="font-semibold text-red-900">{t('nurse.queue.breached', { count: item.breaches })}</span>}
        <span className="text-gray-900" data-testid="case-state">{t(`nurse.queue.state.${item.state}`, { name: item.claimedBy ?? '' })}</span>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 p-2 text-red-900">
          {error}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        <section aria-labelledby="transcript-title" className="rounded border border-gray-300 p-3">
          <h2 id="transcript-title" className="mb-2 text-lg font-semibold text-gray-900">{t('nurse.case.transcript')}</h2>
          <ol className="flex flex-col gap-2" data-testid="case-transcript">
            {consultation.messages.map((m) => (
              <TranscriptLine key={m.id} message={m} />
            ))}
          </ol>
        </section>
        <section aria-labelledby="assessment-title" className="rounded border-2 border-violet-700 p-3" data-testid="assessment">
          <h2 id="assessment-title" className="text-lg font-semibold text-gray-900">{t('nurse.case.assessment')}</h2>
          <p className="mb-2 rounded bg-violet-100 px-2 py-1 text-sm font-semibold text-violet-950">{t('app.aiNotice')}</p>
          {assessment ? (
            <div className="flex flex-col gap-3">
              <List title={t('nurse.case.redFlags')} items={assessment.redFlags.map((f) => `${f.name} → ${t(`disposition.${f.disposition}.label`)}`)} danger />
              <div>
                <h3 className="font-semibold text-gray-900">{t('nurse.case.findings')}</h3>
                <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
                  <List title={t('nurse.case.present')} items={assessment.present.map((f) => f.label)} small />
                  <List title={t('nurse.case.absent')} items={assessment.absent.map((f) => f.label)} small />
                  <List title={t('nurse.case.unknown')} items={assessment.unknown.map((f) => f.label)} small />
                </div>
              </div>
              <div>
                <h3 className="font-semibold text-gray-900">{t('nurse.case.reasons')}</h3>
                <ul className="flex flex-col gap-1">
                  {assessment.reasons.map((r) => (
                    <li key={r.rule} className="text-gray-900">
                      <DispositionBadge disposition={r.disposition} /> {r.text}
                      <span className="flex flex-col">
                        {citationsOf(r).map((c) => (
                          <CitationLink key={`${c.url}${c.section ?? ''}`} citation={c} />
                        ))}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
              <List title={t('nurse.case.uncertain')} items={assessment.uncertainties} />
              <List title={t('nurse.case.advice')} items={assessment.advice.flatMap((a) => a.items)} small />
            </div>
          ) : (
            <p>{t('nurse.case.none')}</p>
          )}
        </section>
      </div>
      <section aria-labelledby="decision-title" className="rounded border border-gray-300 p-3">
        <h2 id="decision-title" className="mb-2 text-lg font-semibold text-gray-900">{t('nurse.case.decision')}</h2>
        {decided ? (
          <p data-testid="decided">
            {t('nurse.case.decided', { disposition: t(`disposition.${review.decidedDisposition}.label`), name: review.decidedBy ?? '' })} ·{' '}
            {t('nurse.case.aiVersusHuman', { ai: t(`disposition.${item.aiDisposition}.label`), human: t(`disposition.${review.decidedDisposition}.label`) })}
          </p>
        ) : mine ? (
          <>
            <DecisionForm aiDisposition={item.aiDisposition} onDecide={(body) => act('decision', body)} />
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="button" className="rounded border border-gray-600 px-3 py-1" onClick={() => act('release')}>
                {t('nurse.case.release')}
              </button>
              <SecondOpinion onAsk={(note) => act('second-opinion', { note })} />
            </div>
          </>
        ) : (
          <button type="button" className="rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white" onClick={() => act('claim')}>
            {t('nurse.case.claim')}
          </button>
        )}
      </section>
      <EhrPanel consultationId={id} decided={decided} />
    </main>
  );
}

function TranscriptLine({ message }: { message: Message }) {
  const { t } = useTranslation();
  const who = message.author === 'PATIENT' ? 'Patient' : message.author === 'STAFF' ? t('app.staffLabel') : t('app.aiLabel');
  return (
    <li className={message.author === 'PATIENT' ? 'rounded bg-blue-50 p-2' : 'rounded bg-gray-50 p-2'} data-author={message.author}>
      <span className="text-xs font-semibold text-gray-700">{who}</span>
      {/* Patient text is shown as text: React escapes it, nothing is parsed as HTML. */}
      <p className="whitespace-pre-wrap break-words text-gray-900">{message.text}</p>
    </li>
  );
}

function List({ title, items, danger, small }: { title: string; items: string[]; danger?: boolean; small?: boolean }) {
  const { t } = useTranslation();
  return (
    <div>
      <h3 className={`font-semibold ${small ? 'text-sm' : ''} ${danger && items.length ? 'text-red-900' : 'text-gray-900'}`}>{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-gray-700">{t('nurse.case.none')}</p>
      ) : (
        <ul className={`list-disc pl-5 ${small ? 'text-sm' : ''} ${danger ? 'font-semibold text-red-900' : 'text-gray-900'}`}>
          {items.map((i, n) => (
            <li key={`${n}-${i}`}>{i}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export interface DecisionBody {
  disposition: Disposition;
  reasonCode: string | null;
  note: string | null;
  patientInstructions: string | null;
  contactedPatient: boolean;
}

export function DecisionForm({ aiDisposition, onDecide }: { aiDisposition: Disposition; onDecide: (body: DecisionBody) => void }) {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [mode, setMode] = useState<'accept' | 'override'>('accept');
  const [disposition, setDisposition] = useState<Disposition>(aiDisposition);
  const [reasons, setReasons] = useState<ReasonCode[]>([]);
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [instructions, setInstructions] = useState('');
  const [contacted, setContacted] = useState(false);
  const ids = { disposition: useId(), reason: useId(), note: useId(), instructions: useId(), contacted: useId() };

  useEffect(() => {
    api<ReasonCode[]>('/api/v1/review/reason-codes').then((r) => setReasons(r.filter((c) => c.active))).catch(() => undefined);
  }, [api]);

  function submit(e: FormEvent) {
    e.preventDefault();
    onDecide({
      disposition: mode === 'accept' ? aiDisposition : disposition,
      reasonCode: mode === 'override' ? reasonCode || null : null,
      note: note.trim() || null,
      patientInstructions: instructions.trim() || null,
      contactedPatient: contacted,
    });
  }

  return (
    <form className="flex flex-col gap-3" onSubmit={submit} data-testid="decision-form">
      <fieldset className="flex gap-4">
        <legend className="sr-only">{t('nurse.case.decision')}</legend>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={mode === 'accept'} onChange={() => setMode('accept')} />
          {t('nurse.case.accept')}
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" name="mode" checked={mode === 'override'} onChange={() => setMode('override')} />
          {t('nurse.case.override')}
        </label>
      </fieldset>
      {mode === 'override' && (
        <div className="flex flex-wrap gap-3">
          <div className="flex flex-col">
            <label htmlFor={ids.disposition}>{t('nurse.case.yourDisposition')}</label>
            <select id={ids.disposition} className="rounded border border-gray-500 px-2 py-1" value={disposition} onChange={(e) => setDisposition(e.target.value as Disposition)}>
              {DISPOSITIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`disposition.${d}.label`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col">
            <label htmlFor={ids.reason}>{t('nurse.case.reasonCode')}</label>
            <select id={ids.reason} required className="rounded border border-gray-500 px-2 py-1" value={reasonCode} onChange={(e) => setReasonCode(e.target.value)}>
              <option value="">{t('nurse.case.chooseReason')}</option>
              {reasons.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      <div className="flex flex-col">
        <label htmlFor={ids.note}>{t('nurse.case.note')}</label>
        <textarea id={ids.note} rows={2} maxLength={4000} className="rounded border border-gray-500 p-2" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="flex flex-col">
        <label htmlFor={ids.instructions}>{t('nurse.case.instructions')}</label>
        <textarea id={ids.instructions} rows={2} maxLength={4000} className="rounded border border-gray-500 p-2" value={instructions} onChange={(e) => setInstructions(e.target.value)} />
      </div>
      <label htmlFor={ids.contacted} className="flex items-center gap-2">
        <input id={ids.contacted} type="checkbox" checked={contacted} onChange={(e) => setContacted(e.target.checked)} />
        {t('nurse.case.contacted')}
      </label>
      <button type="submit" className="self-start rounded-lg bg-blue-700 px-4 py-2 font-semibold text-white">
        {t('nurse.case.submit')}
      </button>
    </form>
  );
}

function SecondOpinion({ onAsk }: { onAsk: (note: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const id = useId();
  if (!open) {
    return (
      <button type="button" className="rounded border border-gray-600 px-3 py-1" onClick={() => setOpen(true)}>
        {t('nurse.case.secondOpinion')}
      </button>
    );
  }
  return (
    <form className="flex items-end gap-2" onSubmit={(e) => { e.preventDefault(); onAsk(note); }}>
      <div className="flex flex-col">
        <label htmlFor={id}>{t('nurse.case.secondOpinionNote')}</label>
        <input id={id} className="rounded border border-gray-500 px-2 py-1" value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="rounded border border-gray-600 px-3 py-1">
        {t('nurse.case.secondOpinion')}
      </button>
    </form>
  );
}
