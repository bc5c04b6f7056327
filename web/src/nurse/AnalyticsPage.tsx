import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ApiError } from '../api/http';
import type { AnalyticsReport } from '../api/types';
import { useStaff } from '../staff/session';

const minutes = (seconds: number | null) => (seconds == null ? null : Math.round((seconds / 60) * 10) / 10);
const percent = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Volumes, overrides, waits and red-flag rate for the last 30 days: charts, and the same figures as a table. */
export function AnalyticsPage() {
  const { t } = useTranslation();
  const { api } = useStaff();
  const [report, setReport] = useState<AnalyticsReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<AnalyticsReport>('/api/v1/review/analytics').then(setReport).catch((e) => setError(e instanceof ApiError ? e.detail : String(e)));
  }, [api]);
  if (!report) {
    return <main id="main" className="p-3">{error ? <p role="alert">{error}</p> : <p role="status">{t('app.loading')}</p>}</main>;
  }
  const rows = report.byDisposition.map((d) => ({
    name: t(`disposition.${d.disposition}.label`),
    cases: d.cases,
    up: d.overriddenUp,
    down: d.overriddenDown,
    claim50: minutes(d.claimP50),
    claim90: minutes(d.claimP90),
    decision50: minutes(d.decisionP50),
    decision90: minutes(d.decisionP90),
  }));
  const cards = [
    [t('nurse.analytics.cases'), String(report.cases)],
    [t('nurse.analytics.decided'), String(report.decided)],
    [t('nurse.analytics.overrideRate'), percent(report.overrideRate)],
    [t('nurse.analytics.redFlagRate'), percent(report.redFlagRate)],
    [t('nurse.analytics.breached'), String(report.breached)],
  ];
  return (
    <main id="main" className="flex flex-col gap-4 p-3">
      <h1 className="text-2xl font-bold text-gray-900">{t('nurse.analytics.title')}</h1>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="analytics-cards">
        {cards.map(([label, value]) => (
          <div key={label} className="rounded border border-gray-300 p-3">
            <dt className="text-sm text-gray-800">{label}</dt>
            <dd className="text-2xl font-bold text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <Chart title={t('nurse.analytics.volumes')} rows={rows} bars={[['cases', t('nurse.analytics.cases'), '#1d4ed8']]} />
        <Chart title={t('nurse.analytics.overrides')} rows={rows} bars={[['up', t('nurse.analytics.up'), '#b91c1c'], ['down', t('nurse.analytics.down'), '#047857']]} />
        <Chart title={t('nurse.analytics.timeToClaim')} rows={rows} bars={[['claim50', t('nurse.analytics.p50'), '#6d28d9'], ['claim90', t('nurse.analytics.p90'), '#a16207']]} />
        <Chart title={t('nurse.analytics.timeToDecision')} rows={rows} bars={[['decision50', t('nurse.analytics.p50'), '#6d28d9'], ['decision90', t('nurse.analytics.p90'), '#a16207']]} />
      </div>
      <table className="w-full border-collapse text-left text-sm">
        <caption className="text-left font-semibold text-gray-900">{t('nurse.analytics.table')}</caption>
        <thead>
          <tr className="border-b border-gray-400">
            <th scope="col" className="p-1">{t('nurse.queue.columns.disposition')}</th>
            <th scope="col" className="p-1">{t('nurse.analytics.cases')}</th>
            <th scope="col" className="p-1">{t('nurse.analytics.up')}</th>
            <th scope="col" className="p-1">{t('nurse.analytics.down')}</th>
            <th scope="col" className="p-1">{t('nurse.analytics.timeToClaim')} p50/p90</th>
            <th scope="col" className="p-1">{t('nurse.analytics.timeToDecision')} p50/p90</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-b border-gray-200">
              <th scope="row" className="p-1">{r.name}</th>
              <td className="p-1">{r.cases}</td>
              <td className="p-1">{r.up}</td>
              <td className="p-1">{r.down}</td>
              <td className="p-1">{r.claim50 ?? '–'} / {r.claim90 ?? '–'}</td>
              <td className="p-1">{r.decision50 ?? '–'} / {r.decision90 ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}

function Chart({ title, rows, bars }: { title: string; rows: Record<string, unknown>[]; bars: [string, string, string][] }) {
  return (
    <figure className="rounded border border-gray-300 p-2">
      <figcaption className="font-semibold text-gray-900">{title}</figcaption>
      {/* The table below carries the same figures for screen readers. */}
      <div aria-hidden="true" style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <BarChart data={rows} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis allowDecimals />
            <Tooltip />
            <Legend />
            {bars.map(([key, name, color]) => (
              <Bar key={key} dataKey={key} name={name} fill={color} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
