import { useState } from 'react';
import { Alert, App, Button, Card, Drawer, Empty, Form, Grid, Input, InputNumber, List, Modal, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { checkedValues, showServerErrors } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/format';
import { hazardQuery, useHazardInspections, useRecordHazardInspection, useRecordRectification, type HazardInput, type HazardInspection } from '../../../features/traffic/api/hazards';
import { LedgerButton } from '../../../components/ledger-button';

const FIELDS = ['project', 'location', 'inspectedOn', 'findings', 'hazardCount', 'rectificationDueOn'] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function InspectionForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HazardInput>();
  const rec = useRecordHazardInspection();
  const [other, setOther] = useState<string | null>(null);
  const finish = async (v: HazardInput) => {
    setOther(null);
    try {
      await rec.mutateAsync({ ...v, rectificationDueOn: v.rectificationDueOn?.trim() ? v.rectificationDueOn.trim() : null });
      onDone();
    } catch (e) {
      if (!isApiError(e)) throw e;
      setOther(showServerErrors(form, FIELDS, e));
    }
  };
  const req = { required: true, message: t('screens.common.required') };
  const date = { pattern: DATE, message: t('screens.hazard.dateFormat') };
  return (
    <Form form={form} name="hazard" layout="vertical" onFinish={finish} disabled={rec.isPending} requiredMark initialValues={{ hazardCount: 0 }}>
      <Form.Item name="project" label={t('screens.hazard.project')} rules={[req, { min: 2, max: 100 }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="location" label={t('screens.hazard.location')} rules={[req, { min: 2, max: 200 }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="inspectedOn" label={t('screens.hazard.inspectedOn')} rules={[req, date]} extra={t('screens.hazard.dateHelp')}>
        <Input maxLength={10} placeholder="2026-12-01" inputMode="numeric" />
      </Form.Item>
      <Form.Item name="findings" label={t('screens.hazard.findings')} rules={[req, { min: 2, max: 5000 }]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="hazardCount" label={t('screens.hazard.hazardCount')} rules={[req]}>
        <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="rectificationDueOn" label={t('screens.hazard.dueOn')} rules={[date]} extra={t('screens.hazard.dueHelp')}>
        <Input maxLength={10} placeholder="2026-12-15" inputMode="numeric" />
      </Form.Item>
      {other ? <Alert type="error" showIcon title={other} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={rec.isPending} data-testid="hazard-save">
        {t('screens.hazard.save')}
      </Button>
    </Form>
  );
}

function StatusTag({ h }: { h: HazardInspection }) {
  const { t } = useTranslation();
  if (h.status === 'rectifying') return <Tag color={h.overdue ? 'red' : 'gold'}>{t(h.overdue ? 'screens.hazard.overdue' : 'screens.hazard.status.rectifying')}</Tag>;
  return <Tag color={h.status === 'rectified' ? 'green' : 'default'}>{t(`screens.hazard.status.${h.status}`)}</Tag>;
}

/** 重大项目周边交通安全隐患排查 (M9): the traffic unit records inspections and, later, each rectification. */
export default function HazardsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [openOnly, setOpenOnly] = useState(true);
  const [drawer, setDrawer] = useState(false);
  const [rectifying, setRectifying] = useState<HazardInspection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useHazardInspections(openOnly);
  const rect = useRecordRectification();
  const [form] = Form.useForm<{ note: string }>();
  const saveRectification = async () => {
    const v = await checkedValues(form);
    if (!v || !rectifying) return;
    setError(null);
    try {
      await rect.mutateAsync({ id: rectifying.id, note: v.note });
      message.success(t('screens.hazard.rectifiedOk'));
      setRectifying(null);
    } catch (e) {
      if (!isApiError(e)) throw e;
      const n = e.fieldErrors.find((f) => f.path === 'note');
      if (n) form.setFields([{ name: 'note', errors: [n.message] }]);
      else setError(e.message);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('screens.hazard.title')}</Typography.Title>}
        className="jqt-wrap-title"
        extra={
          <Space wrap>
            <LedgerButton path="/traffic/hazard-inspections/export.xlsx" query={hazardQuery(openOnly)} testId="hazards-ledger" />
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDrawer(true)} data-testid="hazard-new">
              {t('screens.hazard.new')}
            </Button>
          </Space>
        }
      >
        <Segmented
          value={openOnly ? 'open' : 'all'}
          onChange={(v) => setOpenOnly(v === 'open')}
          options={[
            { value: 'open', label: t('screens.hazard.openOnly') },
            { value: 'all', label: t('screens.hazard.all') },
          ]}
          style={{ marginBottom: 12 }}
        />
        {list.isLoading ? (
          <Skeleton active />
        ) : list.error ? (
          <Alert type="error" showIcon title={isApiError(list.error) ? list.error.message : t('common.error')} />
        ) : !list.data?.length ? (
          <Empty description={t('screens.hazard.none')} />
        ) : (
          <List
            data-testid="hazard-list"
            dataSource={list.data}
            renderItem={(h) => (
              <List.Item key={h.id} data-hazard={h.project} data-status={h.status}>
                <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                  <Space wrap size={6}>
                    <Typography.Text strong>{h.project}</Typography.Text>
                    <StatusTag h={h} />
                  </Space>
                  <Typography.Text type="secondary">
                    {h.location} · {t('screens.hazard.inspectedLine', { on: h.inspectedOn, n: h.hazardCount })}
                  </Typography.Text>
                  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{h.findings}</Typography.Text>
                  {h.rectificationDueOn ? <Typography.Text type="secondary">{t('screens.hazard.dueLine', { on: h.rectificationDueOn })}</Typography.Text> : null}
                  {h.rectifiedAt ? (
                    <Typography.Text type="secondary">{t('screens.hazard.rectifiedLine', { at: formatDateTime(h.rectifiedAt, i18n.language, false), note: h.rectificationNote ?? '' })}</Typography.Text>
                  ) : null}
                  {h.status === 'rectifying' ? (
                    <div>
                      <Button size="small" onClick={() => setRectifying(h)} data-action="rectify">
                        {t('screens.hazard.rectify')}
                      </Button>
                    </div>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Drawer title={t('screens.hazard.new')} open={drawer} onClose={() => setDrawer(false)} size={screens.md ? 560 : '100%'} destroyOnHidden>
        <InspectionForm
          onDone={() => {
            message.success(t('screens.hazard.saved'));
            setDrawer(false);
          }}
        />
      </Drawer>
      <Modal
        open={!!rectifying}
        title={t('screens.hazard.rectify')}
        onCancel={() => setRectifying(null)}
        onOk={() => void saveRectification()}
        okText={t('screens.common.confirm')}
        cancelText={t('screens.common.cancel')}
        confirmLoading={rect.isPending}
        okButtonProps={{ 'data-testid': 'rectify-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        <Form form={form} name="rectification" layout="vertical" preserve={false}>
          <Form.Item name="note" label={t('screens.hazard.rectificationNote')} rules={[{ required: true, whitespace: true, message: t('screens.common.required') }, { max: 2000 }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
