import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Skeleton, Space, Statistic, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import { addDays, todayShanghai } from '../../../lib/format';
import { accidentPeriodQuery, useAccidentStats, useRecordAccident, type Accident } from '../../../features/traffic/api/accidents';
import { LedgerButton } from '../../../components/ledger-button';

interface Values {
  plate: string;
  occurredAt: string;
  releasedAt: string;
  simpleProcedure?: boolean;
  vehicleDetained?: boolean;
  licenceDetained?: boolean;
  note?: string;
}
const FIELDS = ['plate', 'occurredAt', 'releasedAt', 'simpleProcedure', 'vehicleDetained', 'licenceDetained', 'note'] as const;
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
/** A Beijing time typed as `YYYY-MM-DD HH:mm` (as the incident form takes it), sent as ISO with its offset. */
const beijing = (v: string) => `${v.trim().replace(' ', 'T')}:00+08:00`;

/** 货车事故快处 (M7), the traffic unit's page: record a quickly handled freight accident; time-to-release statistics. */
export default function AccidentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordAccident();
  const [last, setLast] = useState<Accident | null>(null);
  const [other, setOther] = useState<string | null>(null);
  const [range, setRange] = useState<[string, string]>([addDays(todayShanghai(), -179), todayShanghai()]);
  const stats = useAccidentStats(range[0], range[1]);

  const finish = async (v: Values) => {
    setOther(null);
    try {
      const r = await record.mutateAsync({
        plate: v.plate.trim(),
        occurredAt: beijing(v.occurredAt),
        releasedAt: beijing(v.releasedAt),
        simpleProcedure: !!v.simpleProcedure,
        vehicleDetained: !!v.vehicleDetained,
        licenceDetained: !!v.licenceDetained,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      });
      setLast(r);
      message.success(t('screens.accident.recorded'));
      form.resetFields();
    } catch (e) {
      if (!isApiError(e)) throw e;
      setOther(showServerErrors(form, FIELDS, e));
    }
  };
  const req = { required: true, message: t('screens.common.required') };
  const time = { pattern: TIME, message: t('screens.accident.timeFormat') };
  const s = stats.data;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('screens.accident.title')}</Typography.Title>} className="jqt-wrap-title">
        <Typography.Paragraph type="secondary">{t('screens.accident.intro')}</Typography.Paragraph>
        <Form form={form} name="accident" layout="vertical" onFinish={finish} disabled={record.isPending} requiredMark initialValues={{ simpleProcedure: true }} style={{ maxWidth: 640 }}>
          <Form.Item name="plate" label={t('screens.accident.plate')} rules={[req]}>
            <Input maxLength={20} placeholder="鲁C12345" />
          </Form.Item>
          <Form.Item name="occurredAt" label={t('screens.accident.occurredAt')} rules={[req, time]} extra={t('screens.accident.timeHelp')}>
            <Input maxLength={16} placeholder="2026-12-01 09:30" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="releasedAt" label={t('screens.accident.releasedAt')} rules={[req, time]}>
            <Input maxLength={16} placeholder="2026-12-01 10:05" inputMode="numeric" />
          </Form.Item>
          <Form.Item name="simpleProcedure" label={t('screens.accident.simple')} valuePropName="checked" extra={t('screens.accident.simpleHelp')}>
            <Switch />
          </Form.Item>
          <Form.Item name="vehicleDetained" valuePropName="checked" style={{ marginBottom: 4 }} data-field="vehicleDetained">
            <Checkbox>{t('screens.accident.vehicleDetained')}</Checkbox>
          </Form.Item>
          <Form.Item name="licenceDetained" valuePropName="checked" data-field="licenceDetained">
            <Checkbox>{t('screens.accident.licenceDetained')}</Checkbox>
          </Form.Item>
          <Form.Item name="note" label={t('screens.accident.note')} rules={[{ max: 1000 }]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {other ? <Alert type="error" showIcon title={other} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="accident-save">
            {t('screens.accident.save')}
          </Button>
        </Form>
        {last ? (
          <Alert
            type="success"
            showIcon
            role="status"
            style={{ marginTop: 16 }}
            data-testid="accident-recorded"
            title={t('screens.accident.lastRecorded', { plate: last.plate, minutes: last.minutesToRelease })}
          />
        ) : null}
      </Card>
      <Card
        title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('screens.accident.statsTitle')}</Typography.Title>}
        className="jqt-wrap-title"
        extra={<LedgerButton path="/traffic/accidents/export.xlsx" query={accidentPeriodQuery(range[0], range[1])} testId="accidents-ledger" />}
      >
        <DatePicker.RangePicker
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => {
            const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
            if (a && b) setRange([a.format('YYYY-MM-DD'), b.format('YYYY-MM-DD')]);
          }}
          aria-label={t('screens.accident.range')}
          style={{ marginBottom: 16, maxWidth: '100%' }}
        />
        {stats.isLoading ? (
          <Skeleton active />
        ) : !s ? (
          <Alert type="error" showIcon title={isApiError(stats.error) ? stats.error.message : t('common.error')} />
        ) : (
          <Row gutter={[16, 16]} data-testid="accident-stats" data-count={s.count}>
            <Col xs={12} md={6}>
              <Statistic title={t('screens.accident.count')} value={s.count} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('screens.accident.simpleCount')} value={s.simpleProcedureCount} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('screens.accident.median')} value={s.medianMinutes ?? '—'} suffix={s.medianMinutes === null ? undefined : t('screens.accident.minutes')} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('screens.accident.undetained')} value={s.shareWithoutDetention === null ? '—' : Math.round(s.shareWithoutDetention * 1000) / 10} suffix={s.shareWithoutDetention === null ? undefined : '%'} />
            </Col>
            <Col xs={24}>
              <Typography.Text type="secondary">{t('screens.accident.average', { n: s.averageMinutes ?? '—' })}</Typography.Text>
            </Col>
          </Row>
        )}
      </Card>
    </Space>
  );
}
