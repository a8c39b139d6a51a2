import { z } from 'zod';

// The access-check body is validated by the domain's parseAccessCheck (every bad field, with its path);
// this schema only documents it for the OpenAPI.
export const accessCheckBody = z
  .object({
    vehicle: z
      .object({
        plate: z.string().describe('Plate number (GA 36-2018), e.g. 鲁C12345 or 鲁CD12345'),
        newEnergy: z.boolean(),
        totalMassKg: z.number().int().describe('Total mass in kg (1–100000)'),
        lengthMm: z.number().int().describe('Length in mm (1–30000)'),
        body: z.enum(['box', 'other']),
        use: z.enum(['general', 'sanitation', 'muck', 'concrete']),
      })
      .partial()
      .passthrough()
      .or(z.unknown()),
    road: z
      .object({
        inRestrictedZone: z.boolean(),
        class: z.enum(['expressway', 'ordinary']),
        nightCorridor: z.boolean(),
        roadId: z.string().describe('Optional: a road of GET /traffic/roads; its registry zone, class and corridor then apply'),
      })
      .partial()
      .passthrough()
      .or(z.unknown()),
    at: z.unknown().describe('ISO 8601 date-time with offset, e.g. 2026-06-01T07:00:00+08:00'),
  })
  .partial()
  .passthrough();

const roadId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { params: { code: 'road_invalid_id' } })
  .describe('Stable id: lower-case letters, digits and hyphens');
const roadFields = {
  name: z.string().trim().min(2).max(100),
  class: z.enum(['expressway', 'ordinary']),
  inRestrictedZone: z.boolean(),
  nightCorridor: z.boolean(),
  district: z.string().max(32).nullable().optional(),
};
export const createRoadBody = z.object({ id: roadId, ...roadFields }).strict();
export const updateRoadBody = z.object(roadFields).strict();
export const roadParams = z.object({ id: z.string().max(64) });

export const ruleSetBody = z
  .object({
    effectiveFrom: z.unknown().describe('ISO 8601 date-time with offset, not in the past'),
    rules: z.unknown().describe('The rules (see DEFAULT_RULE_SET); validated field by field'),
    note: z.string().max(500).optional(),
  })
  .strict();
