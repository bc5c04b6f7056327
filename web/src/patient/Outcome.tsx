import { useTranslation } from 'react-i18next';
import type { Consultation } from '../api/types';
import { CitationLink, citationsOf } from '../ui/Citation';
import { DispositionBadge } from '../ui/DispositionBadge';

/** The end of the interview: the level of care in plain words, what to do, advice and its sources. */
export function Outcome({ consultation, emergency }: { consultation: Consultation; emergency: boolean }) {
  const { t } = useTranslation();
  const assessment = consultation.assessment;
  if (!assessment) return null;
  const disposition = assessment.disposition;
  const reviewed = consultation.status === 'REVIEWED';
  const instructions = consultation.messages.filter((m) => m.author === 'STAFF');
  return (
    <section aria-labelledby="outcome-title" className="flex flex-col gap-3 rounded border border-gray-400 p-3" data-testid="outcome">
      <h2 id="outcome-title" className="text-xl font-bold text-gray-900">
        {t('patient.outcome.title')}
      </h2>
      <p className="text-sm text-gray-700">{t('app.aiNotice')}</p>
      <div className="flex flex-col gap-1">
        <DispositionBadge disposition={disposition} />
        <p className="text-lg font-semibold text-gray-900">{t(`disposition.${disposition}.plain`)}</p>
        {!emergency && (
          <>
            <h3 className="font-semibold text-gray-900">{t('patient.outcome.whatToDo')}</h3>
            <p className="text-gray-900">{t(`disposition.${disposition}.todo`)}</p>
          </>
        )}
      </div>
      {assessment.advice.length > 0 && (
        <div data-testid="advice">
          <h3 className="font-semibold text-gray-900">{t('patient.outcome.advice')}</h3>
          {assessment.advice.map((a) => (
            <div key={a.protocol} className="mt-1">
              <ul className="list-disc pl-5 text-gray-900">
                {a.items.map((item) => (
                  <li key={item}>
                    {item}
                    {/* Each item's guideline passages, chosen by retrieval for this protocol. */}
                    {(a.cited?.find((c) => c.text === item)?.citations ?? []).map((c) => (
                      <span key={`${c.url}${c.section ?? ''}`} className="block">
                        <CitationLink citation={c} />
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
              <p className="flex flex-col">
                {citationsOf(a).map((c) => (
                  <CitationLink key={`${c.url}${c.section ?? ''}`} citation={c} />
                ))}
              </p>
            </div>
          ))}
        </div>
      )}
      {assessment.seekCareIf.length > 0 && (
        <div>
          <h3 className="font-semibold text-gray-900">{t('patient.outcome.seekCare')}</h3>
          <ul className="list-disc pl-5 text-gray-900">
            {assessment.seekCareIf.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="rounded bg-blue-50 p-2 text-blue-950" data-testid="review-status">
        {reviewed ? t('patient.outcome.reviewed') : t('patient.outcome.nurseWillReview')}
      </p>
      {instructions.length > 0 && (
        <div className="rounded border-2 border-emerald-700 bg-emerald-50 p-2" data-testid="nurse-instructions">
          <h3 className="font-semibold text-gray-900">{t('patient.outcome.nurseSays')}</h3>
          {instructions.map((m) => (
            <p key={m.id} className="whitespace-pre-wrap text-gray-900">
              {m.text}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
