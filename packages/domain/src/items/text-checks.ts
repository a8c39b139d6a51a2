/**
 * Checks on what an officer sends out (issue 13 point 1): an answer, a refusal reason, a supplement request, a
 * rectification report. One function, run by the server before the transition is saved and by the browser as
 * the officer types, so the form explains exactly what the server would refuse.
 */
import type { FieldError } from '../errors.ts';
import { checkIdCard } from '../validation/idcard.ts';
import type { ItemAction } from './actions.ts';
import type { ItemTypeDeclaration } from './item-type.ts';

export type OutgoingTextKind = 'answer' | 'refusal' | 'supplement' | 'rectification';

/** The transitions whose note goes out to the enterprise, and what each note is. */
export const checkedTextActions: Partial<Record<ItemAction, OutgoingTextKind>> = {
  answer: 'answer',
  refuse: 'refusal',
  'request-supplement': 'supplement',
  'record-rectification': 'rectification',
};

/**
 * At least this many Chinese characters of substance (boilerplate phrases not counted); an English word of two
 * or more letters counts as two, so an answer in English to a foreign applicant is held to about the same length.
 */
export const minimumSubstance: Record<OutgoingTextKind, number> = { answer: 20, refusal: 8, supplement: 8, rectification: 10 };

/** Phrases that say nothing on their own: a text of only these (and punctuation) is refused. */
export const boilerplatePhrases: readonly string[] = ['已收到', '收到', '好的', '好', '请知悉', '知悉', '已阅', '阅', '谢谢', '感谢', '您好', '你好', '同意', '已处理', '处理完毕', '已办结', '办结', '已答复', 'ok', 'OK'];

/** Two-character words too common to tell what an appeal is about. */
const commonBigrams = new Set(
  '咨询 企业 公司 我司 贵司 我们 你们 希望 了解 如何 怎么 怎样 什么 是否 能否 可以 需要 请求 要求 问题 情况 相关 有关 关于 进行 已经 目前 现在 一下 反映 联系 工作 办理 处理 感谢 谢谢 您好 规定 按照 根据 部门 单位 公安 机关 本人 员工 事项 申请 材料 提供 告知 电话'.split(' '),
);

export interface SensitiveWordList {
  version: number;
  words: readonly string[];
}

export interface OutgoingTextContext {
  kind: OutgoingTextKind;
  /** What the item asks (for an answer's relevance): the appeal's own words. */
  subject?: string;
  /** The unit's duty phone, the one number an answer may give. */
  unitPhone?: string | null;
  sensitiveWords?: SensitiveWordList | null;
  /** The officer confirmed that an answer sharing none of the appeal's key terms does answer it. */
  relevanceConfirmed?: boolean;
}

export interface OutgoingTextReport {
  /** What stops the text going out, on `note` (or `relevanceConfirmed`); empty when it may go. */
  errors: FieldError[];
  /** Chinese characters of substance, against the minimum. */
  substance: { count: number; min: number };
  /** The appeal's key terms, and whether the answer shares any (null: nothing to compare). */
  relevance: { keyTerms: string[]; shared: string[]; needsConfirmation: boolean } | null;
  sensitiveWordsVersion: number | null;
}

const han = /\p{Script=Han}/gu;
const substanceOf = (s: string) => (s.match(han)?.length ?? 0) + 2 * (s.match(/[A-Za-z]{2,}/g)?.length ?? 0);
const englishCommon = new Set('the and for with are was were our you your this that these those please which what how can from have has will would about into'.split(' '));
const digits = (s: string) => s.replace(/\D/g, '');

/** Personal data in a text: mobile numbers (other than the allowed ones) and valid resident ID numbers. */
export function personalDataIn(text: string, allowedPhones: readonly (string | null | undefined)[] = []): ('mobile' | 'idcard')[] {
  const found: ('mobile' | 'idcard')[] = [];
  const allowed = new Set(allowedPhones.filter((p): p is string => !!p).map(digits));
  for (const m of text.match(/(?<!\d)1[3-9]\d{9}(?!\d)/g) ?? []) if (!allowed.has(m)) found.push('mobile');
  for (const m of text.match(/(?<![0-9])[1-9]\d{16}[\dXx](?![0-9])/g) ?? []) if (checkIdCard(m).valid) found.push('idcard');
  return [...new Set(found)];
}

/** The key terms of an appeal: its two-character words and its latin words or numbers of three or more, less the common ones. */
export function keyTermsOf(subject: string): string[] {
  const terms = new Set<string>();
  for (const run of subject.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 2 <= run.length; i++) {
      const w = run.slice(i, i + 2);
      if (!commonBigrams.has(w)) terms.add(w);
    }
  }
  for (const w of subject.match(/[A-Za-z0-9]{3,}/g) ?? []) if (!englishCommon.has(w.toLowerCase())) terms.add(w.toLowerCase());
  return [...terms];
}

function withoutBoilerplate(text: string): string {
  let s = text;
  for (const p of [...boilerplatePhrases].sort((a, b) => b.length - a.length)) s = s.split(p).join('');
  return s;
}

/** Checks a text an officer is about to send; `errors` empty means it may go out. */
export function checkOutgoingText(text: string, ctx: OutgoingTextContext): OutgoingTextReport {
  const errors: FieldError[] = [];
  const body = text.trim();
  const min = minimumSubstance[ctx.kind];
  const count = substanceOf(withoutBoilerplate(body));
  const meaningful = withoutBoilerplate(body).replace(/[\p{P}\p{S}\s]/gu, '');
  if (body && !meaningful) errors.push({ path: 'note', code: 'text_boilerplate_only' });
  else if (count < min) errors.push({ path: 'note', code: 'text_too_little_substance', params: { min, count } });
  const personal = personalDataIn(body, [ctx.unitPhone]);
  if (personal.length) errors.push({ path: 'note', code: 'text_personal_data', params: { kinds: personal.join(',') } });
  const words = ctx.sensitiveWords?.words ?? [];
  const hit = words.filter((w) => w && body.toLowerCase().includes(w.toLowerCase()));
  if (hit.length) errors.push({ path: 'note', code: 'text_sensitive_word', params: { words: hit.join('、') } });
  let relevance: OutgoingTextReport['relevance'] = null;
  if (ctx.kind === 'answer' && ctx.subject) {
    const keyTerms = keyTermsOf(ctx.subject);
    const lower = body.toLowerCase();
    const shared = keyTerms.filter((k) => lower.includes(k));
    relevance = { keyTerms, shared, needsConfirmation: keyTerms.length > 0 && shared.length === 0 };
    // Asked only of a text with substance: a bare "好" is refused for that, not sent for confirmation.
    const thin = errors.some((e) => e.code === 'text_boilerplate_only' || e.code === 'text_too_little_substance');
    if (relevance.needsConfirmation && !ctx.relevanceConfirmed && !thin) errors.push({ path: 'relevanceConfirmed', code: 'text_relevance_unconfirmed' });
  }
  return { errors, substance: { count, min }, relevance, sensitiveWordsVersion: ctx.sensitiveWords?.version ?? null };
}

/** The words of an item an answer is compared with: the fields its type declares (`answerRelevanceFields`). */
export function subjectOf(type: Pick<ItemTypeDeclaration, 'answerRelevanceFields'>, data: Record<string, unknown>): string {
  return (type.answerRelevanceFields ?? [])
    .map((f) => data[f])
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
}
