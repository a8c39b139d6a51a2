/**
 * The answer checks' server side (issue 13 point 1): the sensitive-word list, managed by the admin and kept in
 * the settings store one row per version (`sensitive-words/v000001` …, the highest is in force), and the check of
 * a transition's outgoing text with the domain's `checkOutgoingText`, the same function the browser runs.
 */
import { checkOutgoingText, checkedTextActions, DomainError, formatShanghai, itemType, subjectOf, type FieldError, type ItemAction, type ItemState, type SensitiveWordList } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { insertSetting, settingsWithPrefix } from '../../db/settings.ts';
import { findUnit } from '../accounts/repository.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';

const PREFIX = 'sensitive-words/v';
const keyOf = (version: number) => `${PREFIX}${String(version).padStart(6, '0')}`;

export interface StoredWordList extends SensitiveWordList {
  savedAt: string | null;
}

/** The list in force: the highest version; version 0 and no words before an admin saves one. */
export async function currentSensitiveWords(db: Queryable): Promise<StoredWordList> {
  const rows = await settingsWithPrefix(db, PREFIX);
  const last = rows[rows.length - 1];
  if (!last) return { version: 0, words: [], savedAt: null };
  const v = JSON.parse(last.value) as { words: string[] };
  return { version: Number(last.key.slice(PREFIX.length)), words: v.words, savedAt: last.createdAt ? formatShanghai(last.createdAt) : null };
}

/** The list in force, for the admin's page. */
export const sensitiveWords = (ctx: AppContext) => currentSensitiveWords(ctx.database.db);

/** One word a line, trimmed, each once; 1–50 characters, at most 2,000. */
export function normalizeWords(words: readonly string[]): { words: string[]; errors: FieldError[] } {
  const out = [...new Set(words.map((w) => w.trim()).filter(Boolean))];
  const errors: FieldError[] = [];
  if (out.length > 2000) errors.push({ path: 'words', code: 'sensitive_words_invalid' });
  out.forEach((w, i) => {
    if (w.length > 50) errors.push({ path: `words/${i}`, code: 'sensitive_words_invalid' });
  });
  return { words: out, errors };
}

/** An admin saves a new version of the list (audited); two saving at once: one wins, the other gets 409. */
export async function saveSensitiveWords(ctx: AppContext, actor: UserActor, words: readonly string[], ip: string) {
  const n = normalizeWords(words);
  if (n.errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors: n.errors });
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const current = await currentSensitiveWords(tx);
    const version = current.version + 1;
    if (!(await insertSetting(tx, keyOf(version), JSON.stringify({ words: n.words }), now))) throw new DomainError('conflict', { kind: 'conflict' });
    await recordAudit(tx, { actor, action: 'sensitive-words.save', subject: `sensitive-words:${version}`, detail: { count: n.words.length }, ip, at: now });
  });
  return currentSensitiveWords(ctx.database.db);
}

/** The first version of the list, for the demo data; does nothing when a list exists. */
export async function seedWordList(db: Queryable, words: readonly string[], at: Date) {
  if ((await currentSensitiveWords(db)).version === 0) await insertSetting(db, keyOf(1), JSON.stringify({ words: normalizeWords(words).words }), at);
}

/** What the browser needs to run the same checks as the officer types: the list in force and the unit's duty phone. */
export async function checkContext(ctx: AppContext, actor: UserActor) {
  const [list, unit] = await Promise.all([currentSensitiveWords(ctx.database.db), actor.unitId ? findUnit(ctx.database.db, actor.unitId) : undefined]);
  return { sensitiveWords: list, unitPhone: unit?.phone ?? null };
}

/**
 * Refuses with 422 and field errors an outgoing text the checks refuse (run after the domain allowed the
 * transition, before anything is written); returns what to record on the event: the word list's version.
 */
export async function checkTransitionText(
  db: Queryable,
  actor: UserActor,
  item: ItemState,
  action: ItemAction,
  fields: Record<string, unknown>,
): Promise<{ sensitiveWordsVersion: number } | null> {
  const kind = checkedTextActions[action];
  if (!kind) return null;
  const note = typeof fields.note === 'string' ? fields.note : '';
  const [list, unit] = await Promise.all([currentSensitiveWords(db), findUnit(db, item.unitId)]);
  const report = checkOutgoingText(note, {
    kind,
    subject: subjectOf(itemType(item.type) ?? {}, item.data),
    unitPhone: unit?.phone ?? null,
    sensitiveWords: list,
    relevanceConfirmed: fields.relevanceConfirmed === true,
  });
  if (report.errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors: report.errors });
  return { sensitiveWordsVersion: list.version };
}
