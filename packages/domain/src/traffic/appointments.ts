import type { Label } from '../items/form.ts';
import type { DistrictCode } from '../org/index.ts';

/**
 * Where and when the traffic police meet enterprises (M8 batch inspection, M9 expert site survey). Declared once:
 * the item forms offer these values, the server accepts only these, the item shows their names.
 */
export interface InspectionStation {
  id: string;
  name: Label;
  district: DistrictCode;
  address: Label;
}

/** Motor-vehicle inspection stations near the transport enterprises (就近检测站), one or two per district. Fictional addresses. */
export const INSPECTION_STATIONS: readonly InspectionStation[] = Object.freeze([
  { id: 'zhangdian-north', name: { zh: '张店区北部机动车检测站', en: 'Zhangdian North Vehicle Inspection Station' }, district: 'zhangdian', address: { zh: '张店区华光路 188 号', en: '188 Huaguang Rd, Zhangdian' } },
  { id: 'zhangdian-east', name: { zh: '张店区东部机动车检测站', en: 'Zhangdian East Vehicle Inspection Station' }, district: 'zhangdian', address: { zh: '张店区人民东路 66 号', en: '66 Renmin Rd East, Zhangdian' } },
  { id: 'zichuan', name: { zh: '淄川区机动车检测站', en: 'Zichuan Vehicle Inspection Station' }, district: 'zichuan', address: { zh: '淄川区松龄东路 21 号', en: '21 Songling Rd East, Zichuan' } },
  { id: 'boshan', name: { zh: '博山区机动车检测站', en: 'Boshan Vehicle Inspection Station' }, district: 'boshan', address: { zh: '博山区中心路 9 号', en: '9 Zhongxin Rd, Boshan' } },
  { id: 'linzi', name: { zh: '临淄区机动车检测站', en: 'Linzi Vehicle Inspection Station' }, district: 'linzi', address: { zh: '临淄区齐鲁石化大道 300 号', en: '300 Qilu Petrochemical Ave, Linzi' } },
  { id: 'zhoucun', name: { zh: '周村区机动车检测站', en: 'Zhoucun Vehicle Inspection Station' }, district: 'zhoucun', address: { zh: '周村区正阳路 52 号', en: '52 Zhengyang Rd, Zhoucun' } },
  { id: 'huantai', name: { zh: '桓台县机动车检测站', en: 'Huantai Vehicle Inspection Station' }, district: 'huantai', address: { zh: '桓台县建设路 15 号', en: '15 Jianshe Rd, Huantai' } },
  { id: 'gaoqing', name: { zh: '高青县机动车检测站', en: 'Gaoqing Vehicle Inspection Station' }, district: 'gaoqing', address: { zh: '高青县青城路 8 号', en: '8 Qingcheng Rd, Gaoqing' } },
  { id: 'yiyuan', name: { zh: '沂源县机动车检测站', en: 'Yiyuan Vehicle Inspection Station' }, district: 'yiyuan', address: { zh: '沂源县鲁山路 36 号', en: '36 Lushan Rd, Yiyuan' } },
]);

export function inspectionStation(id: unknown): InspectionStation | undefined {
  return INSPECTION_STATIONS.find((s) => s.id === id);
}

/** The half-day slots in which a station takes a batch of new vehicles. */
export const INSPECTION_SLOTS: readonly { value: string; label: Label }[] = Object.freeze([
  { value: '08:30-10:30', label: { zh: '上午 08:30–10:30', en: 'Morning 08:30–10:30' } },
  { value: '10:30-12:00', label: { zh: '上午 10:30–12:00', en: 'Late morning 10:30–12:00' } },
  { value: '14:00-15:30', label: { zh: '下午 14:00–15:30', en: 'Afternoon 14:00–15:30' } },
  { value: '15:30-17:30', label: { zh: '下午 15:30–17:30', en: 'Late afternoon 15:30–17:30' } },
]);

/** Start times of an expert site survey: office hours, on the half hour. */
export const SURVEY_TIMES: readonly string[] = Object.freeze(['08:30', '09:00', '09:30', '10:00', '10:30', '11:00', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
