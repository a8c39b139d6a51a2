import { z } from 'zod';

export const tags = ['cases'];
export const idParams = z.object({ id: z.uuid() });
export const listQuery = z.object({ graded: z.enum(['true', 'false']).optional(), listed: z.enum(['true', 'false']).optional() }).strict();
/** Bodies are checked field by field by the domain's case forms (every error at once); here only that they are objects. */
export const body = z.record(z.string(), z.unknown());
