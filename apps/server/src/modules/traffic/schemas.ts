import { TIA_THRESHOLD_BOUNDS, parseIsoInstant, type TiaThresholdKey } from '@jqt/domain';
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
  .regex(/^[a-z0-9][a-z0-9-]{1,63}$/)
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

export const codeParams = z.object({ code: z.string().max(40) });
export const signatureQuery = z.object({ s: z.string().max(100).optional().describe('The signature from the QR link') });
export const uuidParams = z.object({ id: z.string().max(64) });
export const passCodeListQuery = z.object({ plate: z.string().max(20).optional() });
/** The ledger's query: the list's filter, and an unknown key is a 422 rather than ignored. */
export const passCodeExportQuery = passCodeListQuery.strict();
export const revokeBody = z.object({ reason: z.string().trim().min(2).max(500) }).strict();

export const accidentBody = z
  .object({
    plate: z.string().max(20).describe('Plate of the freight vehicle (validated)'),
    occurredAt: z.string().max(40).describe('ISO 8601 with offset'),
    releasedAt: z.string().max(40).describe('ISO 8601 with offset: when the vehicle was released'),
    simpleProcedure: z.boolean().describe('Handled by the simple procedure (简易程序)'),
    vehicleDetained: z.boolean().optional(),
    licenceDetained: z.boolean().optional(),
    note: z.string().max(1000).optional(),
  })
  .strict();
export const statsQuery = z.object({
  from: z.string().max(10).optional().describe('First day, YYYY-MM-DD'),
  to: z.string().max(10).optional().describe('Last day, YYYY-MM-DD (inclusive)'),
});

export const hazardBody = z
  .object({
    project: z.string().trim().min(2).max(100),
    location: z.string().trim().min(2).max(200),
    inspectedOn: z.string().max(10).describe('YYYY-MM-DD, not in the future'),
    findings: z.string().trim().min(2).max(5000),
    hazardCount: z.number().int().min(0).max(1000),
    rectificationDueOn: z.string().max(10).nullable().optional().describe('YYYY-MM-DD; required when hazards were found'),
  })
  .strict();
export const hazardListQuery = z.object({ open: z.enum(['true', 'false']).optional() });
export const rectificationBody = z.object({ note: z.string().trim().min(2).max(2000) }).strict();

/** One threshold, bounded by the domain's declaration (TIA_THRESHOLD_BOUNDS): positive, whole where it counts things. */
function thresholdValue(k: TiaThresholdKey) {
  const b = TIA_THRESHOLD_BOUNDS[k];
  const n = z.number();
  const whole = b.integer ? n.refine(Number.isInteger, { params: { code: 'tia_threshold_not_integer' }, abort: true }) : n;
  return whole
    .min(b.min)
    .max(b.max)
    .describe(`${b.label.zh} ${b.label.en}: ${b.min}–${b.max}${b.integer ? ', a whole number' : ''}`);
}

/**
 * A new version of the TIA thresholds. Built per app with its clock, so "not in the past" is checked with every
 * other field and a bad request names all of them at once.
 */
export const tiaThresholdsBody = (now: () => Date) =>
  z
    .object({
      effectiveFrom: z
        .string()
        .max(40)
        .refine((v) => parseIsoInstant(v) !== null, { params: { code: 'invalid_datetime' }, abort: true })
        .refine((v) => parseIsoInstant(v)!.getTime() >= now().getTime(), { params: { code: 'tia_thresholds_effective_past' } })
        .optional()
        .describe('ISO 8601 with offset, not in the past; omitted: in force at once'),
      thresholds: z
        .object({ buildingAreaM2: thresholdValue('buildingAreaM2'), parkingSpaces: thresholdValue('parkingSpaces'), peakHourTrips: thresholdValue('peakHourTrips') })
        .strict()
        .describe('A project meeting any one of these needs a traffic impact assessment'),
      note: z.string().trim().max(500).optional().describe('Why (e.g. the notice that changed them)'),
    })
    .strict();
