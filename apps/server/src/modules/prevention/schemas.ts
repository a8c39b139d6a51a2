import { z } from 'zod';

export const tags = ['prevention'];
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const itemParams = z.object({ itemId: z.uuid() }).strict();
export const faqBody = z
  .object({
    itemId: z.uuid().describe('The answered legal question (公职律师法律服务 item)'),
    title: text(2, 100).describe('The FAQ title, as the public reads it'),
    question: text(5, 2000).describe('The question, with what names the enterprise removed'),
    answer: text(10, 5000).describe('The answer'),
  })
  .strict();

export const warningParams = z.object({ id: z.uuid() }).strict();
/** The draft is checked whole by the domain (every bad field at once), so the body is only shaped here. */
export const warningBody = z
  .object({
    title: z.unknown().describe('标题, 4–100 characters'),
    body: z.unknown().describe('正文, 10–5000 characters'),
    riskKind: z.unknown().describe('industry | loophole | telecom-fraud | illegal-fundraising | mass-incident | public-safety'),
    level: z.unknown().describe('general (一般) | serious (较重) | severe (严重)'),
    audience: z.unknown().describe('{ districts: string[], tags: string[], enterpriseIds: uuid[], industries: (A–T)[], partnerUnitIds: string[] }: every enterprise matching any, and the partner departments named'),
    public: z.unknown().optional().describe('Also shown on the portal'),
  })
  .partial()
  .passthrough();
export const warningAction = z.object({ action: z.enum(['submit', 'approve', 'return']), note: z.string().max(500).optional() }).strict();
export const enterpriseQuery = z.object({ q: z.string().trim().min(2).max(50) }).strict();

export const openLectureParams = z.object({ id: z.uuid() }).strict();
/** Checked whole by the domain (every bad field at once), so the body is only shaped here. */
export const openLectureBody = z
  .object({
    title: z.unknown().describe('标题, 4–100 characters'),
    topics: z.unknown().describe('Lecture topics (values of the booked lectures\' topic list), at least one'),
    date: z.unknown().describe('YYYY-MM-DD, a future working day within 90 days'),
    startTime: z.unknown().describe('HH:mm, one of the lecture start times'),
    durationMinutes: z.unknown().describe('30–240'),
    place: z.unknown().describe('地点, 2–200 characters'),
    speaker: z.unknown().describe('主讲人, 2–50 characters'),
    capacity: z.unknown().describe('Seats in people, 10–500'),
  })
  .partial()
  .passthrough();
export const signupBody = z.object({ attendees: z.number().int().min(1).max(20).describe('People the enterprise sends, 1–20') }).strict();
/** A list without filters: its ledger takes none, and an unknown key is a 422 rather than ignored. */
export const exportQuery = z.object({}).strict();
export const coverageQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100) }).strict();

export const disputeParams = z.object({ id: z.uuid() }).strict();
/** Checked whole by the domain (every bad field at once), so the bodies are only shaped here. */
export const disputeBody = z
  .object({
    enterpriseId: z.unknown().describe('The enterprise screened (uuid)'),
    kind: z.unknown().describe('land (征地拆迁) | restructuring (破产重组) | labour (劳资纠纷) | other'),
    summary: z.unknown().describe('情况, 10–2000 characters'),
    risk: z.unknown().describe('low | medium | high'),
    nextFollowUpOn: z.unknown().describe('YYYY-MM-DD, tomorrow to 180 days ahead'),
  })
  .partial()
  .passthrough();
export const followUpBody = z
  .object({
    note: z.unknown().describe('跟进情况, 5–2000 characters'),
    risk: z.unknown().describe('low | medium | high, the risk now'),
    resolved: z.unknown().optional().describe('true: 已化解 (then no nextFollowUpOn)'),
    nextFollowUpOn: z.unknown().optional().describe('YYYY-MM-DD, tomorrow to 180 days ahead; required unless resolved'),
  })
  .partial()
  .passthrough();
const yes = z.enum(['true', 'false']).transform((v) => v === 'true');
export const disputeListQuery = z
  .object({
    enterpriseId: z.uuid().optional(),
    mine: yes.optional().describe('Only the enterprises you liaise with'),
    risk: z.enum(['low', 'medium', 'high']).optional(),
    state: z.enum(['open', 'due', 'resolved']).optional().describe('due: the follow-up day is today or past'),
  })
  .strict();
export const disputeQuery = disputeListQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(200) }).strict();
