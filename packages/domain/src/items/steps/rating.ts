import { computeDeadline, formatShanghai } from '../../calendar/index.ts';
import { isBadRating } from '../item-type.ts';
import type { ItemState } from '../item.ts';
import type { ItemAction } from '../transition-types.ts';
import { fail, type Step } from './step.ts';

export const REOPEN_WINDOW_DAYS = 7;
export const RECTIFICATION_WORKDAYS = 15;

/** 追评: one more rating once a bad rating was acted on (reopened and answered again, or rectified). */
export function followUpRatingOpen(item: ItemState): boolean {
  if (!item.rating || item.followUpRating) return false;
  const reanswered = !!item.reopenedAt && (item.status === 'answered' || item.status === 'closed');
  return reanswered || !!item.afterRating?.rectification.doneAt;
}

/** After the answer: the rating (好差评, 追评), reopening, follow-up and rectification, and an appeal against a rating. */

const rate: Step = (s) => {
  const { item, v, noteText, now, iso, next, notices, detail, cal } = s;
  const level = String(v.rating);
  const rating = { level, note: noteText ?? '', at: iso, bad: isBadRating(level) };
  if (!item.rating) next.rating = rating;
  // After a reopening the submitter may add one follow-up rating (追评).
  else if (followUpRatingOpen(item)) next.followUpRating = rating;
  else fail('already_rated');
  detail.rating = level;
  if (rating.bad && !item.afterRating) {
    // 差评: follow-up within 1 working day, rectification within 15 (SPEC §3 defaults).
    next.afterRating = {
      followUp: { dueAt: computeDeadline(cal, { kind: 'workdays', n: 1 }, now).due.toISOString(), doneAt: null, note: null },
      rectification: { dueAt: computeDeadline(cal, { kind: 'workdays', n: RECTIFICATION_WORKDAYS }, now).due.toISOString(), doneAt: null, note: null },
      appeal: null,
    };
    notices.push({ to: 'unit-leader', kind: 'bad_rating' }, { to: 'handler', kind: 'bad_rating' });
  }
};

const reopen: Step = (s) => {
  const { item, noteText, now, iso, next, notices, detail, cal } = s;
  if (!item.rating?.bad) fail('reopen_requires_bad_rating');
  if (item.reopenedAt) fail('already_reopened');
  const answeredAt = item.answeredAt ?? now;
  if (now.getTime() - answeredAt.getTime() > REOPEN_WINDOW_DAYS * 86_400_000) fail('reopen_window_passed', 'invalid', { days: REOPEN_WINDOW_DAYS });
  const due = computeDeadline(cal, item.handleRule, now);
  Object.assign(next, {
    status: 'in_progress',
    reopenedAt: now,
    closedAt: null,
    assigneeId: null,
    dueAt: due.due,
    provisional: due.provisional,
    escalationStage: 0,
    supervision: { listed: false, dueAt: null, note: noteText ?? '', at: iso, reason: 'reopened' },
  });
  detail.dueAt = formatShanghai(due.due);
  notices.push({ to: 'unit-leader', kind: 'item_reopened' }, { to: 'supervisors', kind: 'item_reopened' });
};

const recordAfterRating: Step = (s) => {
  const { item, noteText, iso, next, notices, action } = s;
  const a = item.afterRating;
  const key = action === 'record-follow-up' ? 'followUp' : 'rectification';
  if (!a || a[key].doneAt) fail('nothing_to_record');
  next.afterRating = { ...a, [key]: { ...a[key], doneAt: iso, note: noteText } };
  if (key === 'rectification') notices.push({ to: 'submitter', kind: 'rectification_done' });
};

const appealRating: Step = (s) => {
  const { item, noteText, iso, next, notices } = s;
  if (!item.afterRating || item.afterRating.appeal) fail('rating_appeal_not_possible');
  next.afterRating = { ...item.afterRating, appeal: { note: noteText ?? '', at: iso, status: 'pending', decisionNote: null, decidedAt: null } };
  notices.push({ to: 'supervisors', kind: 'rating_appealed' });
};

const decideRatingAppeal: Step = (s) => {
  const { item, v, noteText, iso, next, notices, detail } = s;
  const a = item.afterRating;
  if (a?.appeal?.status !== 'pending') fail('no_pending_rating_appeal');
  const upheld = v.upheld === true;
  next.afterRating = { ...a, appeal: { ...a.appeal, status: upheld ? 'upheld' : 'rejected', decisionNote: noteText, decidedAt: iso } };
  // An upheld appeal voids a malicious rating: it no longer counts against the unit.
  if (upheld && item.rating) next.rating = { ...item.rating, bad: false, voided: true } as typeof item.rating;
  detail.upheld = upheld;
  notices.push({ to: 'unit-leader', kind: upheld ? 'rating_appeal_upheld' : 'rating_appeal_rejected' });
};


export const ratingSteps = {
  rate,
  reopen,
  'record-follow-up': recordAfterRating,
  'record-rectification': recordAfterRating,
  'appeal-rating': appealRating,
  'decide-rating-appeal': decideRatingAppeal,
} satisfies Partial<Record<ItemAction, Step>>;
