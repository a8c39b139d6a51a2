import { Fragment, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { Abilities, FormSchema, Item, ItemType, Unit, User } from '../../../types/api';
import { isApiError } from '../../../lib/api-client';
import { useTransitionItem, type TransitionAction } from '../api/transition-item';
import { useAssignableStaff } from '../api/get-unit-staff';
import { checkedTextActions, formatMessage } from '@jqt/domain';
import { useTextCheckContext } from '../api/get-text-check-context';
import { messagesOn, RelevanceConfirm, reportOn, TextCheckList } from './text-checks';
import { PendingAnswerText } from './pending-answer';
import { FieldControl, cleanValues, fieldHelp, fieldLabel, fieldRules, widgetOf } from '../../../components/field-controls';
import { checkedValues } from '../../../lib/forms';

type FieldKind = 'note' | 'answer' | 'relevance' | 'unit' | 'assignee' | 'branch' | 'rating' | 'days' | 'listed' | 'dueAt' | DeclaredForm;
/** Forms the item type declares for a transition (published in the catalog): rendered from their JSON Schema. */
type DeclaredForm = 'acceptForm' | 'answerForm' | 'answerDecisionForm' | 'branchDecisionForm';
const DECLARED: readonly FieldKind[] = ['acceptForm', 'answerForm', 'answerDecisionForm', 'branchDecisionForm'];
interface FieldSpec {
  name: string;
  kind: FieldKind;
  required?: boolean;
}
interface ActionSpec {
  ability: keyof Abilities;
  action: TransitionAction;
  fields: FieldSpec[];
  primary?: boolean;
  danger?: boolean;
  /** Sent without a dialog (still confirmed). */
  quick?: boolean;
}

const note = (required = false): FieldSpec => ({ name: 'note', kind: 'note', required });

/** Every transition the API knows, with the fields it asks for. Buttons appear only when `abilities` allow. */
const ACTIONS: ActionSpec[] = [
  { ability: 'canAccept', action: 'accept', fields: [{ name: 'accept', kind: 'acceptForm' }, note()], primary: true },
  { ability: 'canAcceptTransfer', action: 'accept-transfer', fields: [note()], primary: true },
  { ability: 'canAnswer', action: 'answer', fields: [{ name: 'answerForm', kind: 'answerForm' }, { name: 'answerDecisionForm', kind: 'answerDecisionForm' }, { name: 'note', kind: 'answer', required: true }, { name: 'relevanceConfirmed', kind: 'relevance' }], primary: true },
  { ability: 'canResume', action: 'resume', fields: [note()], primary: true },
  { ability: 'canRate', action: 'rate', fields: [{ name: 'rating', kind: 'rating', required: true }, note()], primary: true },
  { ability: 'canApproveAnswer', action: 'approve-answer', fields: [note()], primary: true },
  { ability: 'canApproveExtension', action: 'approve-extension', fields: [note()], primary: true },
  { ability: 'canAcknowledgeBranch', action: 'acknowledge-branch', fields: [{ name: 'branchId', kind: 'branch', required: true }, note()], primary: true },
  { ability: 'canCompleteBranch', action: 'complete-branch', fields: [{ name: 'branchId', kind: 'branch', required: true }, { name: 'branchDecisionForm', kind: 'branchDecisionForm' }, { name: 'note', kind: 'answer', required: true }] },
  { ability: 'canAssign', action: 'assign', fields: [{ name: 'assigneeId', kind: 'assignee', required: true }, note()] },
  { ability: 'canRequestSupplement', action: 'request-supplement', fields: [note(true)] },
  { ability: 'canTransfer', action: 'transfer', fields: [{ name: 'toUnitId', kind: 'unit', required: true }, note(true)] },
  { ability: 'canOpenBranch', action: 'open-branch', fields: [{ name: 'toUnitId', kind: 'unit', required: true }, note(true)] },
  { ability: 'canExtend', action: 'extend', fields: [{ name: 'days', kind: 'days', required: true }, note(true)] },
  { ability: 'canSupervise', action: 'supervise', fields: [note(true), { name: 'listed', kind: 'listed' }, { name: 'dueAt', kind: 'dueAt' }] },
  { ability: 'canClose', action: 'close', fields: [note()] },
  { ability: 'canReopen', action: 'reopen', fields: [note(true)], danger: true },
  { ability: 'canReturn', action: 'return', fields: [note(true)], danger: true },
  { ability: 'canRefuseExtension', action: 'refuse-extension', fields: [note(true)], danger: true },
  { ability: 'canReturnAnswer', action: 'return-answer', fields: [note(true)], danger: true },
  { ability: 'canRefuse', action: 'refuse', fields: [note(true)], danger: true },
];

const RATINGS = {
  'three-level': ['satisfied', 'basically-satisfied', 'dissatisfied'],
  'five-level': ['very-satisfied', 'satisfied', 'basically-satisfied', 'dissatisfied', 'very-dissatisfied'],
} as const;

export interface ActionBarProps {
  item: Item;
  itemType: ItemType | undefined;
  units: Unit[] | undefined;
  me: User;
  onStale: (current: Item | undefined) => void;
}

/** The action buttons of an item, rendered ONLY from the server's `abilities`; each opens a dialog for its fields. */
export function ActionBar({ item, itemType, units, me, onStale }: ActionBarProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [open, setOpen] = useState<ActionSpec | null>(null);
  const [form] = Form.useForm();
  const mutation = useTransitionItem(item.id);
  const allowed = ACTIONS.filter((a) => item.abilities?.[a.ability]);
  const staff = useAssignableStaff(item.unitId, open?.action === 'assign');
  // What goes out to the enterprise is checked as it is typed, by the domain's own answer checks (issue 13).
  const checkedKind = open ? checkedTextActions[open.action] : undefined;
  const checkContext = useTextCheckContext(!!checkedKind);
  const noteValue = Form.useWatch('note', form) as string | undefined;
  const relevanceConfirmed = Form.useWatch('relevanceConfirmed', form) === true;
  const report = checkedKind ? reportOn(noteValue ?? '', checkedKind, item, checkContext.data, relevanceConfirmed) : null;

  if (!allowed.length) return null;
  // 审核: where the unit reviews this type, an officer's answer is submitted to the leaders rather than sent.
  const forReview = (a: ActionSpec) => a.action === 'answer' && !!item.answerReview && me.role !== 'unit-leader';
  const labelOf = (a: ActionSpec) => (forReview(a) ? t('review.submit') : t(`actions.${a.action}`));

  /** The schema of a declared form, if this type has one for this user (a branch's decision: only the issuing partner). */
  const declaredForm = (kind: FieldKind): FormSchema | null => {
    switch (kind) {
      case 'acceptForm':
        return itemType?.acceptForm ?? null;
      case 'answerForm':
        return itemType?.answerForm ?? null;
      case 'answerDecisionForm':
        return itemType?.answerDecisionForm ?? null;
      case 'branchDecisionForm':
        return itemType?.branchDecisionForm && me.unitId && itemType.branchDecisionForm.unitIds.includes(me.unitId) ? itemType.branchDecisionForm.form : null;
      default:
        return null;
    }
  };

  const submit = async () => {
    if (!open) return;
    const v = (await checkedValues(form)) as Record<string, unknown> | null;
    if (!v) return;
    const body: Record<string, unknown> = { action: open.action, version: item.version };
    for (const f of open.fields) {
      const val = v[f.name];
      if (DECLARED.includes(f.kind)) {
        const declared = declaredForm(f.kind);
        if (declared) Object.assign(body, cleanValues(declared, (val as Record<string, unknown>) ?? {}));
        continue;
      }
      if (f.kind === 'dueAt' && val) body.dueAt = (val as Dayjs).endOf('day').format('YYYY-MM-DDTHH:mm:ssZ');
      else if (typeof val === 'string' ? val.trim() !== '' : val !== undefined && val !== null) body[f.name] = typeof val === 'string' ? val.trim() : val;
    }
    try {
      await mutation.mutateAsync(body as never);
      message.success(forReview(open) ? t('review.submitted') : t('actions.done', { action: labelOf(open) }));
      setOpen(null);
      form.resetFields();
    } catch (e) {
      if (isApiError(e, 'stale_version')) {
        message.warning(t('item.stale'));
        onStale(e.body.current as Item | undefined);
        setOpen(null);
        return;
      }
      if (isApiError(e) && e.fieldErrors.length) {
        // a declared accept/answer field is asked for under its form's name (['answerForm', 'inspectionDate'])
        const nameOf = (path: string): (string | number)[] | null => {
          const last = path.replace(/^\//, '').split(/[./]/).pop() ?? '';
          for (const f of open.fields) {
            if (f.name === last && !DECLARED.includes(f.kind)) return [last];
            const declared = declaredForm(f.kind);
            if (declared && last in declared.properties) return [f.name, last];
          }
          return null;
        };
        const on = e.fieldErrors.flatMap((fe) => {
          const name = nameOf(fe.path);
          return name ? [{ name, errors: [fe.message] }] : [];
        });
        form.setFields(on);
        if (!on.length) message.error(e.fieldErrors.map((f) => f.message).join('；'));
        return;
      }
      message.error(e instanceof Error ? e.message : t('common.error'));
    }
  };

  const openBranches = item.branches.filter((b) => b.status !== 'done' && b.status !== 'completed');
  const unitOptions = (units ?? []).filter((u) => u.id !== item.unitId).map((u) => ({ value: u.id, label: lang === 'en' ? u.nameEn : u.nameZh }));
  const maxDays = itemType?.maxExtensionDays ?? 30;

  const fieldEl = (f: FieldSpec) => {
    const label = t(`actionField.${open?.action}.${f.name}`, { defaultValue: t(`actionField.${f.name}`) });
    const req = f.required ? [{ required: true, whitespace: f.kind === 'note' || f.kind === 'answer', message: t('form.required', { label }) }] : [];
    // The browser refuses what the server would: the same checks, on the note (relevance has its own checkbox).
    const checks =
      checkedKind && f.name === 'note'
        ? [
            {
              validator: (_: unknown, v: string | undefined) => {
                const msgs = messagesOn(reportOn(v ?? '', checkedKind, item, checkContext.data, true), 'note', lang);
                return msgs.length ? Promise.reject(new Error(msgs.join('；'))) : Promise.resolve();
              },
            },
          ]
        : [];
    const checkList = checkedKind && f.name === 'note' && report ? <TextCheckList key={`${f.name}-checks`} report={report} text={noteValue ?? ''} /> : null;
    switch (f.kind) {
      case 'note':
        return (
          <Fragment key={f.name}>
            <Form.Item name={f.name} label={label} rules={[...req, { max: 2000 }, ...checks]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            {checkList}
          </Fragment>
        );
      case 'answer':
        return (
          <Fragment key={f.name}>
            <Form.Item name={f.name} label={label} rules={[...req, { max: 5000 }, ...checks]}>
              <Input.TextArea rows={6} maxLength={5000} showCount />
            </Form.Item>
            {checkList}
          </Fragment>
        );
      case 'relevance':
        return (
          <RelevanceConfirm
            key={f.name}
            needed={!!report?.relevance?.needsConfirmation}
            label={t('staff.checks.relevanceConfirm')}
            message={formatMessage(lang === 'en' ? 'en' : 'zh-CN', 'text_relevance_unconfirmed')}
          />
        );
      case 'unit':
        return (
          <Form.Item key={f.name} name={f.name} label={label} rules={req}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder={t('form.selectPlaceholder', { label })} />
          </Form.Item>
        );
      case 'assignee':
        return (
          <Form.Item key={f.name} name={f.name} label={label} rules={req} initialValue={me.id}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={staff.isLoading}
              data-testid="assignee-select"
              options={(staff.data ?? [{ id: me.id, displayName: me.displayName, role: me.role, specialist: false }]).map((s) => ({
                value: s.id,
                label: `${s.displayName}${s.id === me.id ? t('assign.me') : ''}${s.specialist ? ` · ${t('specialist.label')}` : ''}`,
              }))}
              optionRender={(o) => {
                const s = staff.data?.find((x) => x.id === o.value);
                return (
                  <Space size={4} wrap>
                    <span>{s?.displayName ?? me.displayName}{o.value === me.id ? t('assign.me') : ''}</span>
                    {s ? <Tag>{t(`role.${s.role}`, { defaultValue: s.role })}</Tag> : null}
                    {s?.specialist ? <Tag color="blue">{t('specialist.label')}</Tag> : null}
                  </Space>
                );
              }}
            />
          </Form.Item>
        );
      case 'branch':
        return (
          <Form.Item key={f.name} name={f.name} label={label} rules={req} initialValue={openBranches.length === 1 ? openBranches[0].id : undefined}>
            <Select
              options={openBranches.map((b) => {
                const u = units?.find((x) => x.id === b.unitId);
                return { value: b.id, label: u ? (lang === 'en' ? u.nameEn : u.nameZh) : b.id };
              })}
            />
          </Form.Item>
        );
      case 'rating':
        return (
          <Form.Item key={f.name} name={f.name} label={label} rules={req}>
            <Radio.Group>
              <Space orientation="vertical">
                {RATINGS[itemType?.ratingScale ?? 'three-level'].map((r) => (
                  <Radio key={r} value={r} data-rating={r}>
                    {t(`rating.${r}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
        );
      case 'days':
        return (
          <Form.Item key={f.name} name={f.name} label={`${label}（≤ ${maxDays}）`} rules={req}>
            <InputNumber min={1} max={maxDays} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'listed':
        return (
          <Form.Item key={f.name} name={f.name} label={label} valuePropName="checked" initialValue={false}>
            <Switch />
          </Form.Item>
        );
      case 'dueAt':
        return (
          <Form.Item key={f.name} name={f.name} label={label}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'acceptForm':
      case 'answerForm':
      case 'answerDecisionForm':
      case 'branchDecisionForm': {
        const declared = declaredForm(f.kind);
        if (!declared) return null;
        const required = new Set(declared.required ?? []);
        return Object.entries(declared.properties).map(([name, p]) => {
          const w = widgetOf(p);
          return (
            <Form.Item
              key={name}
              name={[f.name, name]}
              label={fieldLabel(p, lang)}
              extra={fieldHelp(p, lang)}
              rules={fieldRules(p, required.has(name), { t, lang, checkKey: `action.${f.name}.${name}` })}
              valuePropName={w === 'boolean' ? 'checked' : 'value'}
              initialValue={w === 'boolean' ? false : undefined}
              required={required.has(name)}
              data-field={name}
            >
              <FieldControl f={p} lang={lang} t={t} />
            </Form.Item>
          );
        });
      }
      default:
        return null;
    }
  };

  return (
    <>
      <Space wrap data-testid="action-bar">
        {allowed.map((a) => (
          <Button
            key={a.action}
            type={a.primary ? 'primary' : 'default'}
            danger={a.danger}
            data-action={a.action}
            onClick={() => {
              form.resetFields();
              setOpen(a);
            }}
          >
            {labelOf(a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!open}
        title={open ? labelOf(open) : ''}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={mutation.isPending}
        okButtonProps={{ 'data-testid': 'action-confirm' } as never}
        destroyOnHidden
        forceRender
      >
        {open && forReview(open) ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('review.hint')} data-testid="review-hint" /> : null}
        {open?.action === 'approve-answer' && item.pendingAnswer ? <PendingAnswerText text={item.pendingAnswer.note} /> : null}
        <Form form={form} layout="vertical" name="action" preserve={false}>
          {open ? open.fields.map(fieldEl) : null}
        </Form>
      </Modal>
    </>
  );
}
