import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consultation } from '../api/types';

/**
 * Shown the moment the engine escalates, and kept on screen: the number to call as a tel: link (one tap on a
 * phone) and what to do, in plain words. Focus moves here so a screen reader user hears it first.
 */
export function EmergencyBanner({ consultation, emergencyNumber }: { consultation: Consultation; emergencyNumber: string | null }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const instructions = consultation.assessment?.redFlags.map((f) => f.instruction).filter(Boolean) ?? [];
  const outcome = [...consultation.messages].reverse().find((m) => m.kind === 'OUTCOME');
  return (
    <section
      role="alert"
      aria-labelledby="emergency-title"
      className="on-dark sticky top-0 z-10 flex flex-col gap-3 bg-red-800 p-4 text-white shadow-lg"
      data-testid="emergency-banner"
    >
      <h2 id="emergency-title" ref={heading} tabIndex={-1} className="text-2xl font-bold">
        <span aria-hidden="true">⚠ </span>
        {t('patient.emergency.title')}
      </h2>
      {emergencyNumber && (
        <a
          href={`tel:${emergencyNumber.replace(/\s/g, '')}`}
          className="rounded-lg bg-white px-4 py-3 text-center text-2xl font-bold text-red-900"
          data-testid="emergency-call"
        >
          {t('patient.emergency.call', { number: emergencyNumber })}
        </a>
      )}
      {instructions.length > 0 ? (
        <ul className="list-disc pl-5 text-lg">
          {[...new Set(instructions)].map((i) => (
            <li key={i}>{i}</li>
          ))}
        </ul>
      ) : (
        outcome && <p className="text-lg">{outcome.text}</p>
      )}
      <p className="text-lg">{t('patient.emergency.instructions')}</p>
      <p>{t('patient.emergency.stopped')}</p>
    </section>
  );
}
