import { PUBLICATION_TEXT as P } from '@jqt/domain';
import { z } from 'zod';

/** A publication's text as every draft takes it (信息发布, and a case's 通报 drafted from its record). */
const text = (r: { min: number; max: number }) => z.string().min(r.min).max(r.max);
export const publicationText = z.object({ title: text(P.title), summary: text(P.summary), body: text(P.body) });
