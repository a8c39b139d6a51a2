import { validationMessages } from '../validation/messages.ts';
import { calendarAdminMessages, calendarMessages } from '../calendar/messages.ts';
import { accountMessages } from './accounts.ts';
import { trafficMessages } from '../traffic/messages.ts';
import { itemMessages } from '../items/messages.ts';
import { commonMessages } from './common.ts';
import { textCheckMessages } from './text-checks.ts';
import { liaisonMessages } from '../liaison/messages.ts';
import { preventionMessages } from './prevention.ts';
import { caseMessages } from '../cases/messages.ts';
import { ledgerMessages } from './ledgers.ts';
import { cyberMessages } from '../cyber/messages.ts';
import { notifyMessages } from './notify.ts';
import type { Locale, MessageTable } from './table.ts';

export type { Locale, MessageTable } from './table.ts';

const tables: MessageTable[] = [commonMessages, accountMessages, validationMessages, calendarMessages, calendarAdminMessages, trafficMessages, itemMessages, liaisonMessages, preventionMessages, textCheckMessages, caseMessages, ledgerMessages, cyberMessages, notifyMessages];
const merged: MessageTable = { 'zh-CN': {}, en: {} };
for (const t of tables) {
  Object.assign(merged['zh-CN'], t['zh-CN']);
  Object.assign(merged.en, t.en);
}

/**
 * The user-facing text of an error code, with `{name}` placeholders filled from params. A param given in both
 * languages (`{zh, en}`, e.g. a station's name kept in a stored notice) is filled in the message's language.
 */
export function formatMessage(locale: Locale, code: string, params: Record<string, unknown> = {}): string {
  const template = merged[locale][code] ?? merged['zh-CN'][code] ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : paramText(params[k], locale)));
}

function paramText(v: unknown, locale: Locale): string {
  if (typeof v === 'object' && v !== null && typeof (v as { zh?: unknown }).zh === 'string' && typeof (v as { en?: unknown }).en === 'string') {
    return locale === 'en' ? (v as { en: string }).en : (v as { zh: string }).zh;
  }
  return String(v);
}

export function hasMessage(code: string): boolean {
  return code in merged['zh-CN'];
}

/** Every code known, for tests that check both locales are complete. */
export function messageCodes(): { zh: string[]; en: string[] } {
  return { zh: Object.keys(merged['zh-CN']), en: Object.keys(merged.en) };
}
