export { classifyVehicle, type VehicleClass, type VehicleClassing, type VehicleDimensions } from './vehicle-class.ts';
export {
  ACCESS_FACTS,
  type Condition,
  type FactTest,
  type Fact as AccessFact,
  type Op as ConditionOp,
  type Scalar as FactValue,
} from './conditions.ts';
export {
  DEFAULT_DENIAL,
  DEFAULT_RULE_SET,
  freezeRuleSet,
  ruleSetInForce,
  validateRuleSet,
  type AccessRule,
  type AccessEffect,
  type RuleSet,
  type TimeWindow,
} from './rules.ts';
export {
  filingCovers,
  passCodeCovers,
  samePlate,
  type FilingGrant,
  type PassCodeGrant,
  type Road,
  type RoadClass,
  type Vehicle,
  type VehicleUse,
} from './grants.ts';
export { compileRuleSet, evaluateAccess, type AccessDecision, type AccessInput, type CompiledRuleSet } from './evaluate.ts';
export { parseAccessCheck, LENGTH_MM_RANGE, MASS_KG_RANGE, type AccessCheckRequest } from './request.ts';
export { trafficMessages } from './messages.ts';
export {
  PASS_CODE_MAX_DAYS,
  checkValidity,
  localDateRange,
  parseIdList,
  parseTimeWindows,
  passCodeKinds,
  passCodeRoadClasses,
  type PassCodeKind,
} from './applications.ts';
export {
  DEFAULT_TIA_THRESHOLDS,
  DEFAULT_TIA_THRESHOLD_VERSION,
  TIA_THRESHOLD_BOUNDS,
  TIA_THRESHOLD_KEYS,
  screenTia,
  tiaScreeningOf,
  tiaThresholdsInForce,
  type TiaFigures,
  type TiaResult,
  type TiaScreening,
  type TiaThresholdKey,
  type TiaThresholds,
  type TiaThresholdVersion,
} from './tia.ts';
export { INSPECTION_SLOTS, INSPECTION_STATIONS, SURVEY_TIMES, inspectionStation, type InspectionStation } from './appointments.ts';
