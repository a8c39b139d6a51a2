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
    audience: z.unknown().describe('{ districts: string[], tags: string[], enterpriseIds: uuid[] }: every enterprise matching any'),
    public: z.unknown().optional().describe('Also shown on the portal'),
  })
  .partial()
  .passthrough();
export const warningAction = z.object({ action: z.enum(['submit', 'approve', 'return']), note: z.string().max(500).optional() }).strict();
export const enterpriseQuery = z.object({ q: z.string().trim().min(2).max(50) }).strict();
