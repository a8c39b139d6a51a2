import { z } from 'zod';
import { contactWays, districtCodes, problemOutcomes, projectStages, visitVerdicts } from '@jqt/domain';

export const tags = ['liaison'];
const uuid = z.uuid();
const district = z.enum(districtCodes as [string, ...string[]]);
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const text = (max: number) => z.string().trim().min(1).max(max);

export const idParams = z.object({ id: uuid });
export const tagParams = z.object({ code: z.string().max(40) });
export const tagBody = z.object({ code: z.string().min(2).max(40), nameZh: text(20), nameEn: text(60) }).strict();
export const tagPatch = z.object({ nameZh: text(20).optional(), nameEn: text(60).optional() }).strict();

export const enterpriseQuery = z
  .object({
    district: district.optional(),
    tag: z.string().max(40).optional(),
    key: flag.optional(),
    unassigned: flag.optional(),
    mine: flag.optional(),
    q: z.string().trim().max(100).optional(),
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const profileBody = z
  .object({ key: z.boolean(), tags: z.array(z.string().max(40)).max(20), industry: z.string().max(10).nullable().optional().describe('国民经济行业分类 门类 A–T; null clears; omitted keeps') })
  .strict();

export const projectQuery = z.object({ district: district.optional(), enterpriseId: uuid.optional() }).strict();
/** Checked field by field by the domain's project form (every error at once); here only the shape. */
export const projectBody = z
  .object({
    name: z.unknown(),
    enterpriseId: z.unknown(),
    district: z.unknown(),
    address: z.unknown(),
    stage: z.enum(projectStages).or(z.unknown()),
    startOn: z.unknown(),
    endOn: z.unknown().optional(),
  })
  .strict();
export const projectPatch = projectBody.partial().strict();

export const assignBody = z
  .object({ enterpriseId: uuid.optional(), projectId: uuid.optional(), officerId: uuid, deputyId: uuid.nullable().optional(), reason: text(200) })
  .strict();
export const historyQuery = z.object({ enterpriseId: uuid.optional(), projectId: uuid.optional() }).strict();
export const endBody = z.object({ reason: text(200) }).strict();

export const askBody = z.object({ title: z.unknown(), content: z.unknown(), contactName: z.unknown(), contactPhone: z.unknown(), category: z.unknown().optional() }).strict();

const itemRef = z.object({ type: z.string().max(40), data: z.record(z.string(), z.unknown()) }).strict();
/** The record is checked by the domain's visit form; problems turned into items by their type's own form. */
export const visitBody = z
  .object({
    enterpriseId: uuid,
    projectId: uuid.nullable().optional(),
    date: z.unknown(),
    way: z.enum(contactWays).or(z.unknown()),
    centreId: z.unknown().optional(),
    met: z.unknown(),
    summary: z.unknown().optional(),
    pledge: z.unknown(),
    problems: z
      .array(z.object({ text: z.unknown(), outcome: z.enum(problemOutcomes).or(z.unknown()), resolution: z.unknown().optional(), item: itemRef.optional() }).strict())
      .max(20)
      .default([]),
  })
  .strict();
export const problemParams = z.object({ id: uuid, problemId: uuid });
export const problemBody = z.object({ outcome: z.enum(['solved', 'item']), resolution: z.string().max(1000).optional(), item: itemRef.optional() }).strict();
export const visitQuery = z.object({ enterpriseId: uuid.optional(), mine: flag.optional(), limit: z.coerce.number().int().min(1).max(200).default(100) }).strict();
export const confirmationBody = z.object({ verdict: z.enum(visitVerdicts), note: z.string().max(500).optional() }).strict();

export const coverageQuery = z.object({ district: district.optional(), days: z.coerce.number().int().min(1).max(365).optional() }).strict();

export const centreBody = z
  .object({
    name: text(60),
    park: text(60),
    district: z.string().max(20),
    address: text(200),
    hours: text(100),
    phone: z.string().regex(/^[0-9-]{7,20}$/),
    services: z.array(text(60)).min(1).max(20),
    staffIds: z.array(uuid).max(50),
  })
  .strict();
export const centrePatch = centreBody.partial().strict();
export const centreQuery = z.object({ district: district.optional() }).strict();
export const bookingBody = z.object({ date: z.iso.date(), slot: z.enum(['am', 'pm']), purpose: text(200) }).strict();
