import { itemActions, itemStatuses } from '@jqt/domain';
import { z } from 'zod';

export const submitBody = z
  .object({
    type: z.string().min(1).max(64).describe('Item type code, see GET /item-types'),
    data: z.record(z.string(), z.unknown()).describe("The form, as the type's JSON Schema describes it"),
  })
  .strict();

export const listQuery = z
  .object({
    type: z.string().max(64).optional(),
    status: z.enum(itemStatuses).optional(),
    supervised: z.enum(['true', 'false']).optional().describe('督办件'),
    listed: z.enum(['true', 'false']).optional().describe('挂牌督办'),
    overdue: z.enum(['true']).optional().describe('超期件'),
    rectifying: z.enum(['true']).optional().describe('整改件'),
    unitId: z.string().max(64).optional(),
    q: z.string().trim().min(1).max(100).optional().describe('查找：事项编号、标题关键字、企业名称或统一社会信用代码'),
    packageId: z.uuid().optional().describe('打包办: the items of one package'),
    from: z.iso.date().optional().describe('提交起 submitted on or after this day (YYYY-MM-DD, Beijing)'),
    to: z.iso.date().optional().describe('提交止 submitted on or before this day (YYYY-MM-DD, Beijing)'),
    cursor: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

/** The queue's totals take the list's filters, apart from the status they count by and the paging. */
export const countQuery = listQuery.omit({ status: true, cursor: true, limit: true });
export type CountQuery = z.infer<typeof countQuery>;

/** 台账: the list's filters exactly, without the paging (an export has a cap, not pages). */
export const exportQuery = listQuery.omit({ cursor: true, limit: true });

export const idParams = z.object({ id: z.uuid() });

/** `action` and `version` are checked here; the action's own fields by the domain's declaration of that action. */
export const transitionBody = z
  .object({
    action: z.enum(itemActions),
    version: z.number().int().min(1).describe('The version the client saw; a stale one gets 409'),
  })
  .catchall(z.unknown());

export const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,100}$/);

export const publicStatusBody = z
  .object({
    number: z.string().min(1).max(40).describe('受理编号 on the receipt'),
    queryCode: z.string().min(1).max(40).describe('查询码 given once when the complaint was filed'),
  })
  .strict();
