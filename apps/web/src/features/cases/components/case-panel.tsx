import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import { pick } from '../../../lib/i18n';
import { useDesignateSpecial, useInvestigationNote, useRecordRecovery, useRecordStage, useStaffCase } from '../api/cases';
import { BulletinCard } from './bulletin-card';
import { Recoveries, stageColor, yuan } from './case-progress';

interface Person {
  id: string;
  displayName: string;
}

/** A mutation's 422 field errors onto the form, anything else as a message. */
function useSubmit() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return async <T,>(form: FormInstance, run: () => Promise<T>) => {
    try {
      await run();
      form.resetFields();
      message.success(t('cases.saved'));
    } catch (e) {
      // A field's errors go on the field (`memberIds.1` on memberIds); the rest beside the form.
      const rest = isApiError(e) ? showServerErrors(form, Object.keys(form.getFieldsValue(true) as object), e, (p) => p.split('.')[0]!) : e instanceof Error ? e.message : t('common.error');
      if (rest) message.error(rest);
    }
  };
}

/** 案件办理: stage, recoveries, 专案组 and notes for the staff; each part shows only when the server's abilities allow. */
export function CasePanel({ itemId, staff }: { itemId: string; staff: Person[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useStaffCase(itemId, true);
  const stage = useRecordStage(itemId);
  const recovery = useRecordRecovery(itemId);
  const special = useDesignateSpecial(itemId);
  const note = useInvestigationNote(itemId);
  const submit = useSubmit();
  const [stageForm] = Form.useForm();
  const [recoveryForm] = Form.useForm();
  const [specialForm] = Form.useForm();
  const [noteForm] = Form.useForm();
  const c = q.data;
  if (!c) return null;
  const can = c.abilities ?? {};
  const name = (id: string) => staff.find((s) => s.id === id)?.displayName ?? id.slice(0, 8);
  const options = staff.map((s) => ({ value: s.id, label: s.displayName }));
  const h2 = (s: string) => <Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{s}</Typography.Title>;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%', marginTop: 16 }} data-testid="case-panel">
      <Card title={h2(t('cases.panelTitle'))} extra={<Tag color={stageColor(c.stage)} data-testid="staff-case-stage">{pick(c.stageName, lang)}</Tag>}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'category', label: t('cases.category'), children: c.category ? pick(c.category.label, lang) : '—' },
            { key: 'enterprise', label: t('cases.enterprise'), children: c.enterpriseName ?? '—' },
            { key: 'tier', label: t('cases.tierTitle'), children: c.tier ? <Tag color="red">{t(`cases.tier.${c.tier}`)}</Tag> : '—' },
            { key: 'team', label: t('cases.team'), children: c.team ? `${name(c.team.leadId)}（${t('cases.lead')}）${c.team.memberIds.map(name).map((n) => `、${n}`).join('')}` : '—' },
            { key: 'recovered', label: t('cases.recoveredTotal'), children: yuan(c.recovered.total, lang) },
            { key: 'note', label: t('cases.investigationNote'), children: c.investigationNote ?? '—' },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{t('cases.staffOnly')}</Typography.Paragraph>
      </Card>

      {can.canRecordStage ? (
        <Card title={h2(t('cases.recordStage'))}>
          <Form form={stageForm} layout="vertical" name="case-stage" onFinish={(v) => submit(stageForm, () => stage.mutateAsync(v))}>
            <Form.Item name="stage" label={t('cases.nextStage')} rules={[{ required: true, message: t('cases.pick') }]}>
              <Select options={(c.nextStages ?? []).map((s) => ({ value: s.code, label: pick(s.label, lang) }))} />
            </Form.Item>
            <Form.Item name="note" label={t('cases.internalNote')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={stage.isPending}>{t('cases.save')}</Button>
          </Form>
        </Card>
      ) : null}

      {can.canRecordRecovery ? (
        <Card title={h2(t('cases.recordRecovery'))}>
          <Form
            form={recoveryForm}
            layout="vertical"
            name="case-recovery"
            onFinish={(v: { kind: string; amount: number; on: { format: (f: string) => string }; note?: string }) =>
              submit(recoveryForm, () => recovery.mutateAsync({ ...v, on: v.on.format('YYYY-MM-DD') }))
            }
          >
            <Space wrap align="start">
              <Form.Item name="kind" label={t('cases.kindTitle')} rules={[{ required: true, message: t('cases.pick') }]}>
                <Select style={{ minWidth: 140 }} options={['stopped', 'recovered'].map((k) => ({ value: k, label: t(`cases.kind.${k}`) }))} />
              </Form.Item>
              <Form.Item name="amount" label={t('cases.amount')} rules={[{ required: true, message: t('cases.pick') }]}>
                <InputNumber min={0.01} precision={2} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item name="on" label={t('cases.date')} rules={[{ required: true, message: t('cases.pick') }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="note" label={t('cases.internalNote')}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={recovery.isPending}>{t('cases.save')}</Button>
          </Form>
        </Card>
      ) : null}

      {can.canDesignateSpecial ? (
        <Card title={h2(t('cases.special'))}>
          <Form
            form={specialForm}
            layout="vertical"
            name="case-special"
            initialValues={{ tier: c.tier ?? undefined, leadId: c.team?.leadId, memberIds: c.team?.memberIds ?? [] }}
            onFinish={(v) => submit(specialForm, () => special.mutateAsync({ ...v, memberIds: v.memberIds ?? [] }))}
          >
            <Form.Item name="tier" label={t('cases.tierTitle')} rules={[{ required: true, message: t('cases.pick') }]}>
              <Select options={['major', 'complex', 'sensitive'].map((k) => ({ value: k, label: t(`cases.tier.${k}`) }))} />
            </Form.Item>
            <Form.Item name="leadId" label={t('cases.lead')} rules={[{ required: true, message: t('cases.pick') }]}>
              <Select showSearch optionFilterProp="label" options={options} />
            </Form.Item>
            <Form.Item name="memberIds" label={t('cases.members')}>
              <Select mode="multiple" optionFilterProp="label" options={options} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={special.isPending}>{t('cases.save')}</Button>
          </Form>
        </Card>
      ) : null}

      {can.canWriteInvestigationNote ? (
        <Card title={h2(t('cases.investigationNote'))}>
          <Form form={noteForm} layout="vertical" name="case-note" initialValues={{ note: c.investigationNote ?? '' }} onFinish={(v) => submit(noteForm, () => note.mutateAsync(v))}>
            <Form.Item name="note" label={t('cases.investigationNote')} rules={[{ required: true, message: t('cases.pick') }]}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Button htmlType="submit" loading={note.isPending}>{t('cases.save')}</Button>
          </Form>
        </Card>
      ) : null}

      {can.canDraftBulletin ? <BulletinCard caseId={c.id} /> : null}

      <Recoveries c={c} />
    </Space>
  );
}
