import { useTranslation } from 'react-i18next';
import type { Disposition } from '../api/types';

// Shown by text and icon as well as colour (colour alone fails WCAG 1.4.1). Colours pass AA contrast.
const STYLE: Record<Disposition, { icon: string; className: string }> = {
  EMERGENCY: { icon: '⚠', className: 'bg-red-700 text-white' },
  URGENT: { icon: '⏱', className: 'bg-amber-200 text-amber-950' },
  ROUTINE: { icon: '📅', className: 'bg-sky-100 text-sky-950' },
  SELF_CARE: { icon: '🏠', className: 'bg-emerald-100 text-emerald-950' },
};

export function DispositionBadge({ disposition, prefix }: { disposition: Disposition; prefix?: string }) {
  const { t } = useTranslation();
  const style = STYLE[disposition];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded px-2 py-0.5 text-sm font-semibold ${style.className}`}
      data-disposition={disposition}
    >
      <span aria-hidden="true">{style.icon}</span>
      {prefix ? `${prefix} ` : ''}
      {t(`disposition.${disposition}.label`)}
    </span>
  );
}
