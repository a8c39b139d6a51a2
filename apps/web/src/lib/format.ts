import type { DeadlineRule } from '../types/api';
import type { TFunction } from 'i18next';
import { addDays, formatShanghaiMinute, parseIsoInstant, shanghaiDate } from '@jqt/domain';

// Instants are parsed and shown in Asia/Shanghai by the domain's one time library (fixed +08:00, no DST since 1991).
export { addDays, shanghaiDate } from '@jqt/domain';

/** An instant shown in Beijing time, whatever the machine's zone (English says so, unless `zone` is false). */
export function formatDateTime(iso: string | null | undefined, lang: string, zone = true): string {
  const at = iso ? parseIsoInstant(iso) : null;
  if (!at) return '—';
  const s = formatShanghaiMinute(at);
  return lang === 'en' && zone ? `${s} (UTC+8)` : s;
}

/** The exclusive end of a validity window: midnight is shown as 24:00 of the day before (至某日 24 时), as holders read it. */
export function formatUntil(iso: string | null | undefined, lang: string, zone = true): string {
  const s = formatDateTime(iso, lang, zone);
  const m = /^(\d{4}-\d{2}-\d{2}) 00:00(.*)$/.exec(s);
  return m ? `${addDays(m[1], -1)} 24:00${m[2]}` : s;
}

export function todayShanghai(): string {
  return shanghaiDate(new Date());
}

/** A deadline rule in words: "1 个工作日", "当日", "15 日（自然日）". */
export function ruleInWords(rule: DeadlineRule | null | undefined, t: TFunction): string {
  if (!rule) return t('rule.none');
  switch (rule.kind) {
    case 'workdays':
      return t('rule.workdays', { count: rule.n, n: rule.n });
    case 'sameday':
      return t('rule.sameday');
    case 'calendarDays':
      return t('rule.calendarDays', { count: rule.n, n: rule.n });
    case 'hours':
      return t('rule.hours', { count: rule.n, n: rule.n });
    case 'instant':
      return t('rule.instant');
    default:
      return '';
  }
}

export function percent(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  const x = v <= 1 ? v * 100 : v;
  return `${x.toFixed(1)}%`;
}
