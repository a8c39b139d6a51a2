/**
 * Kinds of unit an item can be routed to. A unit row carries one of these and, for local units, a district;
 * item types route by (unitType, district), so renaming or adding a unit is data, not code.
 */
export const unitTypes = [
  'city-bureau', // 淄博市公安局: the root of the police unit tree; its leader oversees the city
  'liaison-office', // 警企联络办 (city): supervisors
  'inspection', // 督察支队: 12389 conduct complaints
  'legal', // 法制支队 / 公职律师
  'cyber', // 网安支队
  'econ-crime', // 经侦支队
  'criminal-investigation', // 刑事侦查支队
  'fde-ip', // 食品药品与环境犯罪侦查支队（食药环知：含知识产权犯罪）
  'exit-entry', // 出入境管理支队
  'hukou', // 户政管理
  'traffic-police', // 交警支队 (city)
  'traffic-brigade', // 交警大队 (district)
  'vehicle-admin', // 车管所
  'branch', // 分县局 (district)
  'station', // 派出所 (district)
  'lecture-team', // 平安宣讲团 (city, M19)
  'lawyer-team', // 公职律师服务团 (city, M18): members may come from any unit
  'partner', // another department (科技局, 人社局 …)
] as const;
export type UnitType = (typeof unitTypes)[number];
