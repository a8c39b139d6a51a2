import { districts } from '../../org/index.ts';
import type { FormField } from '../form.ts';
import type { Label } from '../form.ts';

/** Fields the application types (M3–M6) share; each type still lists them in its own form. */
export const personName: FormField = { name: 'name', kind: 'text', maxLength: 50, required: true, label: { zh: '姓名', en: 'Full name' } };
export const idNumber: FormField = { name: 'idNumber', kind: 'checked', check: 'idcard', required: true, label: { zh: '公民身份号码', en: 'Resident ID number' } };
export const mobile: FormField = { name: 'mobile', kind: 'checked', check: 'mobile', required: true, label: { zh: '手机号码', en: 'Mobile phone' } };
export const districtField = (required: boolean, label: Label = { zh: '所在区县', en: 'District or county' }): FormField => ({
  name: 'district',
  kind: 'select',
  required,
  label,
  options: districts.map((d) => ({ value: d.code, label: { zh: d.zh, en: d.en } })),
});
export const materials = (help: Label): FormField => ({
  name: 'attachments',
  kind: 'attachments',
  maxFiles: 20,
  label: { zh: '申请材料', en: 'Documents' },
  help,
});

/** The notice all these promises come from. */
export const notice = (measure: number): Label => ({ zh: `淄公通〔2023〕34号 第${measure}条`, en: `Notice 淄公通〔2023〕34号, measure ${measure}` });
export const joinBasis = (...parts: Label[]): Label => ({ zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') });
