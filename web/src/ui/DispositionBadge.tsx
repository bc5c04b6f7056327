import { useTranslation } from 'react-i18next';
import type { Disposition } from '../api/types';

// Shown by text and icon as well as colour (colour alone fails WCAG 1.4.1). Colours pass AA contrast. Icons are
// inline SVG paths: emoji fonts are missing on some devices (and in headless browsers).
const ICON: Record<Disposition, string> = {
  EMERGENCY: 'M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-7h-2v5h2v-5z', // warning triangle
  URGENT: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 5h-2v6l5 3 1-1.7-4-2.3V7z', // clock
  ROUTINE: 'M7 2v2H4v18h16V4h-3V2h-2v2H9V2H7zm-1 8h12v10H6V10z', // calendar
  SELF_CARE: 'M12 3 2 12h3v9h5v-6h4v6h5v-9h3L12 3z', // house
};

const STYLE: Record<Disposition, string> = {
  EMERGENCY: 'bg-red-700 text-white',
  URGENT: 'bg-amber-200 text-amber-950',
  ROUTINE: 'bg-sky-100 text-sky-950',
  SELF_CARE: 'bg-emerald-100 text-emerald-950',
};

export function DispositionIcon({ disposition }: { disposition: Disposition }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" className="inline h-4 w-4 fill-current" focusable="false">
      <path d={ICON[disposition]} />
    </svg>
  );
}

export function DispositionBadge({ disposition, prefix }: { disposition: Disposition; prefix?: string }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-semibold ${STYLE[disposition]}`}
      data-disposition={disposition}
    >
      <DispositionIcon disposition={disposition} />
      {prefix ? `${prefix} ` : ''}
      {t(`disposition.${disposition}.label`)}
    </span>
  );
}
