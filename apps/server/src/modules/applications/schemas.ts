import { z } from 'zod';

export const batchParams = z.object({ id: z.uuid() });
export const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }).strict();
/** The batch ledger's query: the list's without its page size, which leaves no filter (any key is a 422). */
export const exportQuery = listQuery.omit({ limit: true }).strict();
export const stepBody = z
  .object({ note: z.string().trim().max(500).optional().describe('A note for the timeline of every item of the batch') })
  .strict()
  .default({});
export const deliveredBody = z
  .object({
    signerName: z.string().trim().min(1).max(50).describe('Who signed for the permits at the enterprise (零跑腿)'),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export const packageBody = z
  .object({
    items: z
      .array(
        z
          .object({
            type: z.string().min(1).max(64).describe('Item type code, see GET /item-types'),
            data: z.record(z.string(), z.unknown()),
          })
          .strict(),
      )
      .min(2)
      .max(10)
      .describe('The related items opened together (打包办), e.g. a project’s house numbers and its road works'),
  })
  .strict();
