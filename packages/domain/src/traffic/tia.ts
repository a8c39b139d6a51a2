/**
 * M9 交通影响评价初筛: a construction project that meets any start threshold needs a traffic impact assessment
 * (《淄博市建设项目交通影响评价实施办法》); one that meets none gets an expert site survey instead.
 * Thresholds are data: the defaults below follow common practice (CJJ/T 141) and an admin may pass others.
 */
export interface TiaThresholds {
  /** Total floor area in m². */
  buildingAreaM2: number;
  parkingSpaces: number;
  /** Trips generated in the peak hour (in + out). */
  peakHourTrips: number;
}

export const DEFAULT_TIA_THRESHOLDS: Readonly<TiaThresholds> = Object.freeze({ buildingAreaM2: 20_000, parkingSpaces: 150, peakHourTrips: 300 });

export interface TiaFigures {
  buildingAreaM2: number;
  parkingSpaces: number;
  peakHourTrips: number;
}

export interface TiaScreening {
  result: 'assessment-required' | 'expert-survey';
  /** The thresholds the project meets (empty for an expert survey). */
  met: (keyof TiaThresholds)[];
  thresholds: TiaThresholds;
}

export function screenTia(figures: TiaFigures, thresholds: TiaThresholds = DEFAULT_TIA_THRESHOLDS): TiaScreening {
  const met = (Object.keys(thresholds) as (keyof TiaThresholds)[]).filter((k) => figures[k] >= thresholds[k]);
  return { result: met.length ? 'assessment-required' : 'expert-survey', met, thresholds: { ...thresholds } };
}
