import type { FormField } from '../form.ts';

/** Fields many item types share; each type still lists them in its own form. */
export const contactName: FormField = { name: 'contactName', kind: 'text', maxLength: 50, required: true, label: { zh: '联系人', en: 'Contact name' } };
export const contactPhone: FormField = { name: 'contactPhone', kind: 'checked', check: 'mobile', required: true, label: { zh: '联系电话', en: 'Mobile phone' } };
export const title: FormField = { name: 'title', kind: 'text', maxLength: 100, minLength: 2, required: true, label: { zh: '标题', en: 'Title' } };
export const content: FormField = {
  name: 'content',
  kind: 'textarea',
  maxLength: 5000,
  minLength: 5,
  required: true,
  label: { zh: '具体内容', en: 'Details' },
  help: { zh: '请写明事情经过、诉求和希望得到的帮助', en: 'What happened, what you ask for and what help you expect' },
};
export const attachments: FormField = {
  name: 'attachments',
  kind: 'attachments',
  maxFiles: 10,
  label: { zh: '附件材料', en: 'Attachments' },
  help: { zh: '支持 PDF、JPG、PNG、XLSX，单个不超过 10 MB', en: 'PDF, JPG, PNG or XLSX, up to 10 MB each' },
};
