import { computeDeadline, type WorkCalendar } from '../calendar/index.ts';
import type { Label } from '../items/form.ts';

/**
 * 网络安全检查 (M16): finding severities and the working days an enterprise has to rectify each. Declared once: the
 * deadlines, the validators, the notice and the public guide all read this table.
 */
export const CYBER_SEVERITIES = [
  { value: 'high', label: { zh: '高', en: 'High' }, workdays: 5 },
  { value: 'medium', label: { zh: '中', en: 'Medium' }, workdays: 15 },
  { value: 'low', label: { zh: '低', en: 'Low' }, workdays: 30 },
] as const satisfies readonly { value: string; label: Label; workdays: number }[];

export type CyberSeverity = (typeof CYBER_SEVERITIES)[number]['value'];

export const isCyberSeverity = (v: unknown): v is CyberSeverity => CYBER_SEVERITIES.some((s) => s.value === v);

export function cyberSeverity(value: CyberSeverity) {
  return CYBER_SEVERITIES.find((s) => s.value === value)!;
}

/** The rectification deadline of a finding: its severity's working days after `from`, end of day (Shanghai). */
export function rectificationDue(calendar: WorkCalendar, severity: CyberSeverity, from: Date): { due: Date; provisional: boolean } {
  const d = computeDeadline(calendar, { kind: 'workdays', n: cyberSeverity(severity).workdays }, from);
  return { due: d.due, provisional: d.provisional };
}
