import { z } from 'zod';

export const tags = ['cyber'];

export const idParams = z.object({ id: z.uuid() }).strict();
/** Bodies are checked whole by the domain (every bad field at once), so they are only shaped here. */
export const planBody = z
  .object({
    enterpriseId: z.unknown().describe('The inspected enterprise (choose it through GET /prevention/enterprises?q=)'),
    projectName: z.unknown().optional().describe('重大项目 name, 2–100 characters, when the inspection is of a major project'),
    plannedDate: z.unknown().describe('YYYY-MM-DD, today or later (Beijing)'),
    scope: z.unknown().describe('检查范围, 4–1000 characters'),
    inspectors: z.unknown().describe('检查人员: 1–10 names, 2–30 characters each'),
  })
  .partial()
  .passthrough();
export const resultBody = z
  .object({
    inspectedOn: z.unknown().describe('YYYY-MM-DD, not after today'),
    summary: z.unknown().describe('检查结论, 4–2000 characters'),
    findings: z.unknown().optional().describe('0–50 of { severity: high | medium | low, description: 4–1000 characters }; any finding issues the 整改通知书'),
  })
  .partial()
  .passthrough();
export const answerBody = z
  .object({
    text: z.unknown().describe('整改情况, 10–2000 characters'),
    attachmentIds: z.unknown().optional().describe('Evidence: up to 10 ids of files you uploaded with POST /attachments'),
  })
  .partial()
  .passthrough();
export const reviewBody = z
  .object({ action: z.unknown().describe('verify (closes the finding) | reopen (a new deadline of its severity)'), note: z.unknown().describe('核验意见, 2–500 characters') })
  .partial()
  .passthrough();
/** The inspections list has no filter: its ledger takes none, and an unknown key is a 422 rather than ignored. */
export const exportQuery = z.object({}).strict();
export const drillQuery = z.object({ year: z.coerce.number().int().min(2020).max(2100).optional() }).strict();
export const drillParams = z.object({ year: z.coerce.number().int().min(2020).max(2100), enterpriseId: z.uuid() }).strict();
