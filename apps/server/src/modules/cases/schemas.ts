import { crimeCaseFile, crimeCategories } from '@jqt/domain';
import { z } from 'zod';

export const tags = ['cases'];
export const idParams = z.object({ id: z.uuid() });
const codes = (xs: readonly { code: string }[]) => xs.map((x) => x.code) as [string, ...string[]];
/** 案件列表: the staff list's filters and paging; its ledger takes exactly the filters (`exportQuery`). */
export const listQuery = z
  .object({
    category: z.enum(codes(crimeCategories)).optional().describe('案件类别 (crime category code)'),
    stage: z.enum(codes(crimeCaseFile.stages)).optional().describe('办理阶段: reported, registered, filed, not-filed, investigating …'),
    unitId: z.string().max(64).optional().describe('承办单位'),
    graded: z.enum(['true', 'false']).optional().describe('专案 (graded 重大/复杂/敏感)'),
    listed: z.enum(['true', 'false']).optional().describe('挂牌督办'),
    from: z.iso.date().optional().describe('报案起 reported on or after this day (YYYY-MM-DD, Beijing)'),
    to: z.iso.date().optional().describe('报案止 reported on or before this day (YYYY-MM-DD, Beijing)'),
    q: z.string().trim().min(1).max(100).optional().describe('查找：案件编号、标题关键字、企业名称或统一社会信用代码'),
    cursor: z.string().max(400).optional().describe('the nextCursor of the page before'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type CaseListQuery = z.infer<typeof listQuery>;
/** The ledger is every matching case: the list's filters without its paging. */
export const exportQuery = listQuery.omit({ cursor: true, limit: true });
export type CaseFilterQuery = z.infer<typeof exportQuery>;
/** Bodies are checked field by field by the domain's case forms (every error at once); here only that they are objects. */
export const body = z.record(z.string(), z.unknown());
