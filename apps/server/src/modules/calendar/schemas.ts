import { z } from 'zod';

// Query fields are checked in the service (parseDayRange, parseDeadlineRule), not here, so that one answer
// lists every bad field under its own name ('from', not 'querystring.from'), a missing one included.
export const daysQuery = z.object({
  from: z.string().optional().describe('First day, YYYY-MM-DD (required)'),
  to: z.string().optional().describe('Last day, YYYY-MM-DD (required; at most three years after from)'),
});
export const deadlineQuery = z.object({
  acceptedAt: z.string().optional().describe('ISO 8601 instant with offset (required)'),
  rule: z.string().optional().describe('workdays | sameday | calendarDays | hours (required)'),
  n: z.string().optional().describe('Number of units, 1–3650 (not for sameday)'),
});
const dayKind = z.enum(['workday', 'weekend', 'holiday', 'makeup-workday']);
export const loadYearBody = z
  .object({
    year: z.number().int().min(2000).max(2100),
    notice: z.string().min(2).max(100).describe('Notice number, e.g. 国办发明电〔2026〕x号'),
    title: z.string().min(2).max(200),
    days: z
      .array(z.object({ date: z.string().max(10), kind: z.enum(['holiday', 'makeup-workday']), name: z.string().min(1).max(20) }).strict())
      .max(120)
      .describe('Every holiday day and make-up workday of the notice'),
  })
  .strict();
export const amendDayParams = z.object({ date: z.string().max(10) });
export const amendDayBody = z
  .object({
    kind: dayKind,
    name: z.string().max(20).nullable().optional(),
    notice: z.string().min(2).max(100),
    reason: z.string().min(2).max(500),
  })
  .strict();
