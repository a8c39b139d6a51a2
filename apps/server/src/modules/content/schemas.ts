import { z } from 'zod';

/** A publication's text as every draft takes it (信息发布, and a case's 通报 drafted from its record). */
export const publicationText = z.object({ title: z.string().min(2).max(100), summary: z.string().min(2).max(300), body: z.string().min(10).max(20000) });
