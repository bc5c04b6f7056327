import { useTranslation } from 'react-i18next';
import type { Citation } from '../api/types';

/** A link to the public page a piece of advice or a reason comes from. */
export function CitationLink({ citation }: { citation: Citation }) {
  const { t } = useTranslation();
  return (
    <a
      className="text-sm text-blue-800 underline underline-offset-2"
      href={citation.url}
      target="_blank"
      rel="noopener noreferrer"
      data-testid="citation"
    >
      {t('patient.outcome.source')}: {citation.title}
      {citation.section ? ` — ${citation.section}` : ''}
    </a>
  );
}

/** Every citation of an item: retrieved guideline passages first, then the rule's own source. */
export function citationsOf(item: { source: Citation | null; citations?: Citation[] | null }): Citation[] {
  const all = [...(item.citations ?? []), ...(item.source ? [item.source] : [])];
  const seen = new Set<string>();
  return all.filter((c) => {
    const key = `${c.url}#${c.section ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
