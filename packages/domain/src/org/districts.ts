/** Zibo's districts and counties (administrative division codes, GB/T 2260). */
export const districts = [
  { code: 'zhangdian', division: '370303', zh: '张店区', en: 'Zhangdian District' },
  { code: 'zichuan', division: '370302', zh: '淄川区', en: 'Zichuan District' },
  { code: 'boshan', division: '370304', zh: '博山区', en: 'Boshan District' },
  { code: 'linzi', division: '370305', zh: '临淄区', en: 'Linzi District' },
  { code: 'zhoucun', division: '370306', zh: '周村区', en: 'Zhoucun District' },
  { code: 'huantai', division: '370321', zh: '桓台县', en: 'Huantai County' },
  { code: 'gaoqing', division: '370322', zh: '高青县', en: 'Gaoqing County' },
  { code: 'yiyuan', division: '370323', zh: '沂源县', en: 'Yiyuan County' },
] as const;
export type DistrictCode = (typeof districts)[number]['code'];
export const districtCodes = districts.map((d) => d.code) as DistrictCode[];

export function isDistrict(x: unknown): x is DistrictCode {
  return typeof x === 'string' && (districtCodes as string[]).includes(x);
}
