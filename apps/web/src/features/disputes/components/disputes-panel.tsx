import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Radio, Select, Space, Switch, Tag, Timeline, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { addDays, DISPUTE_FOLLOW_UP_MAX_DAYS, DISPUTE_KINDS, DISPUTE_RISKS, DISPUTE_TEXT } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { LedgerButton } from '../../../components/ledger-button';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, todayShanghai } from '../../../lib/format';
import { checkedValues, showServerErrors } from '../../../lib/forms';
import { pick } from '../../../lib/i18n';
import { disputeQuery, useDisputes, useFollowUpDispute, useRecordDispute, type Dispute, type DisputeFilters, type DisputeState } from '../api/disputes';

type Option = { value: string; label: { zh: string; en: string } };
const nameIn = (list: readonly Option[], v: string, lang: string) => pick(list.find((o) => o.value === v)?.label, lang) || v;
const riskColor: Record<string, string> = { low: 'green', medium: 'orange', high: 'red' };
const stateColor: Record<DisputeState, string> = { scheduled: 'blue', due: 'gold', overdue: 'red', resolved: 'default' };

/** A follow-up day: from tomorrow to the domain's furthest (the server checks the same bounds). */
const outsideFollowUpRange = (d: Dayjs) => {
  const today = todayShanghai();
  const day = d.format('YYYY-MM-DD');
  return day <= today || day > addDays(today, DISPUTE_FOLLOW_UP_MAX_DAYS);
};

export function RiskTag({ risk }: { risk: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Tag color={riskColor[risk] ?? 'default'} data-risk={risk}>
      {t('disputes.riskTag', { risk: nameIn(DISPUTE_RISKS, risk, i18n.language) })}
    </Tag>
  );
}

function StateTag({ d }: { d: Dispute }) {
  const { t } = useTranslation();
  return (
    <Tag color={stateColor[d.followUpState]} data-state={d.followUpState}>
      {d.followUpState === 'resolved' ? t('disputes.state.resolved') : t(`disputes.state.${d.followUpState}`, { date: d.nextFollowUpOn })}
    </Tag>
  );
}

const RECORD_FIELDS = ['kind', 'summary', 'risk', 'nextFollowUpOn'] as const;
const FOLLOW_FIELDS = ['note', 'risk', 'resolved', 'nextFollowUpOn'] as const;

/** 登记矛盾纠纷: kind, what is happening, the risk, and when to look again. */
function RecordDialog({ enterprise, open, onClose }: { enterprise: { id: string; name: string }; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind?: string; summary?: string; risk?: string; nextFollowUpOn?: Dayjs }>();
  const record = useRecordDispute();
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      form.resetFields();
      setBanner(null);
    }
  }, [open, form]);
  const submit = async () => {
    setBanner(null);
    const v = await checkedValues(form);
    if (!v) return;
    try {
      await record.mutateAsync({ enterpriseId: enterprise.id, kind: v.kind!, summary: v.summary!, risk: v.risk!, nextFollowUpOn: v.nextFollowUpOn!.format('YYYY-MM-DD') });
      void message.success(t('disputes.recorded'));
      onClose();
    } catch (e) {
      setBanner(isApiError(e) ? showServerErrors(form, RECORD_FIELDS, e) : t('common.error'));
    }
  };
  const options = (list: readonly Option[]) => list.map((o) => ({ value: o.value, label: pick(o.label, i18n.language) }));
  const req = { required: true, message: t('disputes.required') };
  return (
    <Modal open={open} title={t('disputes.recordTitle', { name: enterprise.name })} onCancel={onClose} onOk={() => void submit()} okText={t('disputes.save')} confirmLoading={record.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="dispute" requiredMark>
        {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="kind" label={t('disputes.kind')} rules={[req]}>
          <Radio.Group optionType="button" options={options(DISPUTE_KINDS)} data-testid="dispute-kind" />
        </Form.Item>
        <Form.Item name="summary" label={t('disputes.summary')} extra={t('disputes.summaryHint')} rules={[req, { min: DISPUTE_TEXT.summary.min, message: t('disputes.tooShort', { min: DISPUTE_TEXT.summary.min }) }]}>
          <Input.TextArea rows={4} maxLength={DISPUTE_TEXT.summary.max} showCount data-testid="dispute-summary" />
        </Form.Item>
        <Form.Item name="risk" label={t('disputes.risk')} rules={[req]}>
          <Radio.Group optionType="button" options={options(DISPUTE_RISKS)} data-testid="dispute-risk" />
        </Form.Item>
        <Form.Item name="nextFollowUpOn" label={t('disputes.nextFollowUpOn')} extra={t('disputes.nextHint', { max: DISPUTE_FOLLOW_UP_MAX_DAYS })} rules={[req]}>
          <DatePicker disabledDate={outsideFollowUpRange} style={{ width: '100%' }} data-testid="dispute-next" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 跟进: what was found, the risk now, then the next day or 已化解. */
function FollowUpDialog({ dispute, onClose }: { dispute: Dispute | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string; risk?: string; resolved?: boolean; nextFollowUpOn?: Dayjs }>();
  const follow = useFollowUpDispute();
  const resolved = Form.useWatch('resolved', form);
  const [banner, setBanner] = useState<string | null>(null);
  useEffect(() => {
    if (dispute) {
      form.resetFields();
      form.setFieldsValue({ risk: dispute.risk, resolved: false });
      setBanner(null);
    }
  }, [dispute, form]);
  const submit = async () => {
    if (!dispute) return;
    setBanner(null);
    const v = await checkedValues(form);
    if (!v) return;
    try {
      await follow.mutateAsync({ id: dispute.id, followUp: { note: v.note!, risk: v.risk!, resolved: !!v.resolved, ...(v.resolved ? {} : { nextFollowUpOn: v.nextFollowUpOn!.format('YYYY-MM-DD') }) } });
      void message.success(v.resolved ? t('disputes.resolvedDone') : t('disputes.followedUp'));
      onClose();
    } catch (e) {
      setBanner(isApiError(e) ? showServerErrors(form, FOLLOW_FIELDS, e) : t('common.error'));
    }
  };
  const req = { required: true, message: t('disputes.required') };
  return (
    <Modal open={!!dispute} title={t('disputes.followUpTitle', { name: dispute?.enterpriseName ?? '' })} onCancel={onClose} onOk={() => void submit()} okText={t('disputes.save')} confirmLoading={follow.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="follow-up" requiredMark>
        {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 12 }} /> : null}
        <Form.Item name="note" label={t('disputes.note')} rules={[req, { min: DISPUTE_TEXT.note.min, message: t('disputes.tooShort', { min: DISPUTE_TEXT.note.min }) }]}>
          <Input.TextArea rows={3} maxLength={DISPUTE_TEXT.note.max} showCount data-testid="follow-up-note" />
        </Form.Item>
        <Form.Item name="risk" label={t('disputes.riskNow')} rules={[req]}>
          <Radio.Group optionType="button" options={DISPUTE_RISKS.map((o) => ({ value: o.value, label: pick(o.label, i18n.language) }))} data-testid="follow-up-risk" />
        </Form.Item>
        <Form.Item name="resolved" label={t('disputes.resolvedField')} valuePropName="checked">
          <Switch data-testid="follow-up-resolved" />
        </Form.Item>
        {resolved ? null : (
          <Form.Item name="nextFollowUpOn" label={t('disputes.nextFollowUpOn')} extra={t('disputes.nextHint', { max: DISPUTE_FOLLOW_UP_MAX_DAYS })} rules={[req]}>
            <DatePicker disabledDate={outsideFollowUpRange} style={{ width: '100%' }} data-testid="follow-up-next" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function DisputeCard({ d, showEnterprise, canAct, onFollowUp }: { d: Dispute; showEnterprise: boolean; canAct: boolean; onFollowUp: (d: Dispute) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card
      size="small"
      style={{ width: '100%' }}
      data-testid="dispute"
      data-kind={d.kind}
      title={
        <Space size={[4, 4]} wrap>
          <Tag>{nameIn(DISPUTE_KINDS, d.kind, lang)}</Tag>
          <RiskTag risk={d.risk} />
          <StateTag d={d} />
        </Space>
      }
      extra={canAct && !d.resolved ? <Button size="small" type="primary" onClick={() => onFollowUp(d)} data-testid="dispute-follow-up">{t('disputes.followUp')}</Button> : null}
    >
      {showEnterprise ? (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <Link to={paths.workbench.enterpriseFile(d.enterpriseId)}>{d.enterpriseName}</Link>
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph style={{ marginBottom: 4 }}>{d.summary}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('disputes.recordedBy', { who: d.recordedBy ?? '—', at: formatDateTime(d.createdAt, lang) })}
      </Typography.Text>
      {d.followUps.length ? (
        <Timeline
          style={{ marginTop: 12, marginBottom: -16 }}
          items={d.followUps.map((f) => ({
            key: f.seq,
            content: (
              <>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {formatDateTime(f.at, lang)} · {f.officer ?? '—'} · {t('disputes.riskTag', { risk: nameIn(DISPUTE_RISKS, f.risk, lang) })}
                  {f.resolved ? ` · ${t('disputes.state.resolved')}` : f.nextFollowUpOn ? ` · ${t('disputes.nextOn', { date: f.nextFollowUpOn })}` : ''}
                </Typography.Text>
                <div>{f.note}</div>
              </>
            ),
          }))}
        />
      ) : null}
    </Card>
  );
}

/**
 * 矛盾纠纷排查: the disputes of one enterprise (its file) or of the reader's scope, with the state and risk filters,
 * the ledger, and — for police who may act — recording and following up.
 */
export function DisputesPanel({ base, enterprise, canAct, testId = 'disputes' }: { base: DisputeFilters; enterprise?: { id: string; name: string }; canAct: boolean; testId?: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<DisputeFilters['state'] | 'all'>('open');
  const [risk, setRisk] = useState<string | undefined>();
  const filters: DisputeFilters = { ...base, state: state === 'all' ? undefined : state, risk };
  const list = useDisputes(filters);
  const [recording, setRecording] = useState(false);
  const [following, setFollowing] = useState<Dispute | null>(null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={testId}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Radio.Group
            optionType="button"
            value={state}
            onChange={(e) => setState(e.target.value as typeof state)}
            aria-label={t('disputes.stateFilter')}
            data-testid="dispute-state-filter"
            options={[
              { value: 'open', label: t('disputes.filter.open') },
              { value: 'due', label: t('disputes.filter.due') },
              { value: 'resolved', label: t('disputes.filter.resolved') },
              { value: 'all', label: t('disputes.filter.all') },
            ]}
          />
          <Select
            allowClear
            aria-label={t('disputes.risk')}
            placeholder={t('disputes.anyRisk')}
            value={risk}
            onChange={setRisk}
            style={{ minWidth: 120 }}
            options={DISPUTE_RISKS.map((o) => ({ value: o.value, label: pick(o.label, i18n.language) }))}
          />
        </Space>
        <Space wrap>
          {enterprise && canAct ? (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setRecording(true)} data-testid="dispute-record">
              {t('disputes.record')}
            </Button>
          ) : null}
          <LedgerButton path="/prevention/disputes/export.xlsx" query={disputeQuery(filters)} testId="ledger-export-disputes" />
        </Space>
      </Space>
      {list.isError ? <Alert type="error" showIcon title={(list.error as Error).message} /> : null}
      <List
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description={t('disputes.none')} /> }}
        renderItem={(d) => (
          <List.Item style={{ paddingInline: 0 }}>
            <DisputeCard d={d} showEnterprise={!enterprise} canAct={canAct} onFollowUp={setFollowing} />
          </List.Item>
        )}
      />
      {enterprise ? <RecordDialog enterprise={enterprise} open={recording} onClose={() => setRecording(false)} /> : null}
      <FollowUpDialog dispute={following} onClose={() => setFollowing(null)} />
    </Space>
  );
}
