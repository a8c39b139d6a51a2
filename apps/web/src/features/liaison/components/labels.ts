import { districts } from '@jqt/domain/org/districts.ts';
import { isApiError } from '../../../lib/api-client';

export function districtName(code: string | null | undefined, lang: string): string {
  if (!code) return '—';
  const d = districts.find((x) => x.code === code);
  return d ? (lang === 'en' ? d.en : d.zh) : code;
}

export function districtOptions(lang: string) {
  return districts.map((d) => ({ value: d.code, label: lang === 'en' ? d.en : d.zh }));
}

type NamePath = (string | number)[];

/** A server field error's path as a form name path: `problems.0.resolution` → ['problems', 0, 'resolution']. */
export function namePathOf(path: string): NamePath {
  return path
    .replace(/^\/?(body[./])?/, '')
    .split(/[./[\]]+/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * The 422's field errors split into those the form has a field for (`known` decides) and the rest (a banner).
 * Two errors on one field are shown together.
 */
/** `never` as the name: the paths were checked by `known`, so they fit any form's own field names. */
export type FieldErrorsOnForm = { name: never; errors: string[] }[];

export function splitFieldErrors(e: unknown, known: (name: NamePath) => NamePath | null): { onFields: FieldErrorsOnForm; other: string[] } {
  const onFields: { name: NamePath; errors: string[] }[] = [];
  const other: string[] = [];
  if (!isApiError(e)) return { onFields: [], other };
  for (const fe of e.fieldErrors) {
    const name = known(namePathOf(fe.path));
    if (!name) {
      other.push(fe.message);
      continue;
    }
    const key = name.join('.');
    const existing = onFields.find((x) => x.name.join('.') === key);
    if (existing) existing.errors.push(fe.message);
    else onFields.push({ name, errors: [fe.message] });
  }
  return { onFields: onFields as unknown as FieldErrorsOnForm, other };
}
