import type { Form } from '../items/form.ts';

/** The forms of the case actions (checked field by field, every error at once). */
const L = (zh: string, en: string) => ({ zh, en });
export const caseTiers = ['major', 'complex', 'sensitive'] as const;
export const recoveryKinds = ['stopped', 'recovered'] as const;

export const caseStageForm: Form = [
  { name: 'stage', kind: 'text', maxLength: 40, required: true, label: L('办理阶段', 'Stage') },
  { name: 'note', kind: 'textarea', maxLength: 2000, label: L('内部说明（仅民警可见）', 'Internal note (staff only)') },
];

export const recoveryForm: Form = [
  {
    name: 'kind',
    kind: 'select',
    required: true,
    label: L('类型', 'Kind'),
    options: [
      { value: 'stopped', label: L('止损', 'Loss stopped') },
      { value: 'recovered', label: L('挽损', 'Loss recovered') },
    ],
  },
  { name: 'amount', kind: 'number', min: 0.01, max: 1e12, required: true, label: L('金额（元）', 'Amount (yuan)') },
  { name: 'on', kind: 'date', required: true, label: L('日期', 'Date') },
  { name: 'note', kind: 'textarea', maxLength: 2000, label: L('内部说明（仅民警可见）', 'Internal note (staff only)') },
];

/** Besides these fields, `memberIds`: up to 20 police users (checked by the server, which knows the users). */
export const specialCaseForm: Form = [
  {
    name: 'tier',
    kind: 'select',
    required: true,
    label: L('案件等级', 'Grade'),
    options: [
      { value: 'major', label: L('重大', 'Major') },
      { value: 'complex', label: L('复杂', 'Complex') },
      { value: 'sensitive', label: L('敏感', 'Sensitive') },
    ],
  },
  { name: 'leadId', kind: 'text', maxLength: 64, required: true, label: L('专案组组长', 'Team lead') },
  { name: 'note', kind: 'textarea', maxLength: 2000, label: L('说明', 'Note') },
];

export const investigationNoteForm: Form = [{ name: 'note', kind: 'textarea', maxLength: 5000, required: true, label: L('侦查工作记录', 'Investigation notes') }];

export const reconsiderationForm: Form = [
  { name: 'reason', kind: 'textarea', maxLength: 5000, minLength: 10, required: true, label: L('复议理由', 'Grounds') },
  { name: 'attachments', kind: 'attachments', maxFiles: 10, label: L('补充材料', 'Further evidence') },
];
