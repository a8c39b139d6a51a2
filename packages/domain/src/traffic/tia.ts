import type { Label } from '../items/form.ts';

/**
 * M9 交通影响评价初筛: a construction project that meets any start threshold needs a traffic impact assessment
 * (《淄博市建设项目交通影响评价实施办法》); one that meets none gets an expert site survey instead.
 * Thresholds are data: an admin publishes new versions, every version is kept, and an item is screened by the
 * version in force when it was submitted. The defaults below (version 1) follow common practice (CJJ/T 141).
 */
export const TIA_THRESHOLD_KEYS = ['buildingAreaM2', 'parkingSpaces', 'peakHourTrips'] as const;
export type TiaThresholdKey = (typeof TIA_THRESHOLD_KEYS)[number];
export type TiaThresholds = Record<TiaThresholdKey, number>;

/**
 * What an admin may set each threshold to, declared once: the server's request schema and the admin form derive
 * from it. Positive, whole numbers where the figure counts things, and within what a city would ever use.
 */
export const TIA_THRESHOLD_BOUNDS: Readonly<Record<TiaThresholdKey, { min: number; max: number; integer: boolean; label: Label }>> = Object.freeze({
  buildingAreaM2: { min: 100, max: 1_000_000, integer: false, label: { zh: '总建筑面积（平方米）', en: 'Floor area (m²)' } },
  parkingSpaces: { min: 1, max: 10_000, integer: true, label: { zh: '停车泊位（个）', en: 'Parking spaces' } },
  peakHourTrips: { min: 1, max: 100_000, integer: true, label: { zh: '高峰小时出行量（人次）', en: 'Peak-hour trips' } },
});

export const DEFAULT_TIA_THRESHOLDS: Readonly<TiaThresholds> = Object.freeze({ buildingAreaM2: 20_000, parkingSpaces: 150, peakHourTrips: 300 });

/** One published set of thresholds; versions never change once published. */
export interface TiaThresholdVersion {
  version: number;
  effectiveFrom: Date;
  thresholds: TiaThresholds;
}

/** Version 1: the defaults, in force from the notice's date (淄公通〔2023〕34号, 2023-06-16). */
export const DEFAULT_TIA_THRESHOLD_VERSION: Readonly<TiaThresholdVersion> = Object.freeze({
  version: 1,
  effectiveFrom: new Date('2023-06-16T00:00:00+08:00'),
  thresholds: DEFAULT_TIA_THRESHOLDS,
});

/** The version in force at `at`: the latest effectiveFrom not after it (the higher version on a tie); before the first, the first. */
export function tiaThresholdsInForce(versions: readonly TiaThresholdVersion[], at: Date): TiaThresholdVersion {
  let best: TiaThresholdVersion | null = null;
  let first: TiaThresholdVersion | null = null;
  for (const v of versions) {
    const from = v.effectiveFrom.getTime();
    if (!first || from < first.effectiveFrom.getTime() || (from === first.effectiveFrom.getTime() && v.version < first.version)) first = v;
    if (from > at.getTime()) continue;
    if (!best || from > best.effectiveFrom.getTime() || (from === best.effectiveFrom.getTime() && v.version > best.version)) best = v;
  }
  return best ?? first ?? DEFAULT_TIA_THRESHOLD_VERSION;
}

export interface TiaFigures {
  buildingAreaM2: number;
  parkingSpaces: number;
  peakHourTrips: number;
}

export type TiaResult = 'assessment-required' | 'expert-survey';

export interface TiaScreening {
  result: TiaResult;
  /** The thresholds the project meets (empty for an expert survey). */
  met: TiaThresholdKey[];
  thresholds: TiaThresholds;
  /** The version of the thresholds that decided. */
  thresholdsVersion: number;
}

/** A project meets a threshold when its figure reaches it; meeting any one means an assessment. */
export function screenTia(figures: TiaFigures, version: TiaThresholdVersion = DEFAULT_TIA_THRESHOLD_VERSION): TiaScreening {
  const { thresholds } = version;
  const met = TIA_THRESHOLD_KEYS.filter((k) => figures[k] >= thresholds[k]);
  return {
    result: met.length ? 'assessment-required' : 'expert-survey',
    met,
    thresholds: { buildingAreaM2: thresholds.buildingAreaM2, parkingSpaces: thresholds.parkingSpaces, peakHourTrips: thresholds.peakHourTrips },
    thresholdsVersion: version.version,
  };
}

/**
 * The screening recorded on an item at submission (`data.screening`, by the version then in force); an item from
 * before thresholds were versioned is screened by version 1, as it was then.
 */
export function tiaScreeningOf(data: Record<string, unknown>): TiaScreening {
  const recorded = data.screening as TiaScreening | undefined;
  return recorded && typeof recorded === 'object' && recorded.result ? recorded : screenTia(data as unknown as TiaFigures);
}
