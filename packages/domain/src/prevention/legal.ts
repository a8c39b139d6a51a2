import type { Label } from '../items/form.ts';

/** 公职律师法律服务 (M18): the categories the measure names. */
export const LEGAL_CATEGORIES: readonly { value: string; label: Label }[] = [
  { value: 'criminal-risk', label: { zh: '刑事风险防范', en: 'Criminal risk' } },
  { value: 'contract', label: { zh: '合同纠纷', en: 'Contracts' } },
  { value: 'labour', label: { zh: '劳动用工', en: 'Employment' } },
  { value: 'ip', label: { zh: '知识产权', en: 'Intellectual property' } },
  { value: 'administrative', label: { zh: '行政执法', en: 'Administrative enforcement' } },
  { value: 'other', label: { zh: '其他', en: 'Other' } },
];
