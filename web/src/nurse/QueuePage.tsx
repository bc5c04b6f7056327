import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../api/http';
import { DISPOSITIONS, type QueueItem } from '../api/types';
import { useStaff } from '../staff/session';
import { DispositionBadge, DispositionIcon } from '../ui/DispositionBadge';
import { useDashboardUpdates } from './liveUpdates';

/** The clinic's open cases, most urgent first, then longest waiting; updated live. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const { api } = useStaff();
  const [items, setItems] = useState<QueueItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [disposition, setDisposition] = useState('');
  const [waitingOver, setWaitingOver] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const dispositionId = useId();
  const waitingId = useId();

  const load = useCallback(async () => {
    const params = new URLSearchParams();
    if (disposition) params.set('disposition', disposition);
    if (waitingOver) params.set('waitingOverMinutes', waitingOver);
    try {
      setItems(await api<QueueItem[]>(`/api/v1/review/queue?${params}`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  }, [api, disposition, waitingOver]);

  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), 30000); // waiting times move on their own
    return () => clearInterval(timer);
  }, [load]);

  const live = useDashboardUpdates(() => {
    void load();
    setAnnouncement(`${t('nurse.queue.updated')} ${new Date().toLocaleTimeString()}`);
  });

  return (
    <main id="main" className="flex flex-col gap-3 p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold text-gray-900">{t('nurse.queue.title')}</h1>
        <p className={`text-sm ${live ? 'text-emerald-800' : 'text-amber-900'}`} data-testid="live-status">
          <span aria-hidden="true">{live ? '● ' : '○ '}</span>
          {live ? t('nurse.queue.live') : t('nurse.queue.liveOff')}
        </p>
      </div>
      <p role="status" className="sr-only">
        {announcement}
      </p>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="sr-only">{t('nurse.queue.filters')}</legend>
        <div className="flex flex-col">
          <label htmlFor={dispositionId} className="text-sm text-gray-900">
            {t('nurse.queue.columns.disposition')}
          </label>
          <select id={dispositionId} className="rounded border border-gray-500 px-2 py-1" value={disposition} onChange={(e) => setDisposition(e.target.value)}>
            <option value="">{t('nurse.queue.allDispositions')}</option>
            {DISPOSITIONS.map((d) => (
              <option key={d} value={d}>
                {t(`disposition.${d}.label`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor={waitingId} className="text-sm text-gray-900">
            {t('nurse.queue.waitingOver')}
          </label>
          <input id={waitingId} type="number" min={0} className="w-28 rounded border border-gray-500 px-2 py-1" value={waitingOver} onChange={(e) => setWaitingOver(e.target.value)} />
        </div>
      </fieldset>
      {error && <p role="alert" className="text-red-900">{error}</p>}
      {items && items.length === 0 && <p className="text-gray-800">{t('nurse.queue.empty')}</p>}
      {items && items.length > 0 && (
        <table className="w-full border-collapse text-left" data-testid="queue">
          <caption className="sr-only">{t('nurse.queue.title')}</caption>
          <thead>
            <tr className="border-b border-gray-400">
              <th scope="col" className="p-2">{t('nurse.queue.columns.disposition')}</th>
              <th scope="col" className="p-2">{t('nurse.queue.columns.waiting')}</th>
              <th scope="col" className="p-2">{t('nurse.queue.columns.state')}</th>
              <th scope="col" className="p-2">{t('nurse.queue.columns.breaches')}</th>
              <th scope="col" className="p-2">{t('nurse.queue.columns.open')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.consultationId} className={`border-b border-gray-200 ${item.breaches > 0 ? 'bg-red-50' : ''}`} data-testid="queue-row" data-disposition={item.aiDisposition}>
                <td className="p-2">
                  <DispositionBadge disposition={item.aiDisposition} />
                  {item.escalated && <span className="ml-2 text-sm font-semibold text-red-900">{t('nurse.queue.escalated')}</span>}
                  {item.tier !== 'NURSE' && <span className="ml-2 text-sm text-gray-800">({t(`nurse.queue.tier.${item.tier}`)})</span>}
                </td>
                <td className="p-2">{t('nurse.queue.minutes', { count: item.waitingMinutes })}</td>
                <td className="p-2">{t(`nurse.queue.state.${item.state}`, { name: item.claimedBy ?? '' })}</td>
                <td className="p-2">
                  {item.breaches > 0 ? (
                    <span className="font-semibold text-red-900" data-testid="breach">
                      <DispositionIcon disposition="URGENT" />{' '}
                      {t('nurse.queue.breached', { count: item.breaches })}
                    </span>
                  ) : (
                    <span className="text-gray-800">{t('nurse.queue.onTime')}</span>
                  )}
                  {item.dueAt && (
                    <span className="block text-sm text-gray-800" data-testid="due">
                      {t('nurse.queue.due', { time: new Date(item.dueAt).toLocaleString(i18n.language, { weekday: 'short', hour: '2-digit', minute: '2-digit' }) })}
                    </span>
                  )}
                </td>
                <td className="p-2">
                  <Link className="text-blue-800 underline" to={`/nurse/case/${item.consultationId}`}>
                    {t('nurse.queue.open')}
                    <span className="sr-only"> ({t(`disposition.${item.aiDisposition}.label`)}, {t('nurse.queue.minutes', { count: item.waitingMinutes })})</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
