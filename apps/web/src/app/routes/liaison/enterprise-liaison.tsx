import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useConfirmVisit, useEnterpriseVisits, useMyBookings, useMyLiaison } from '../../../features/liaison/api/enterprise-liaison';
import type { Visit } from '../../../features/liaison/api/types';
import { OfficerCard } from '../../../features/liaison/components/officer-card';
import { AskDialog } from '../../../features/liaison/components/ask-dialog';
import { VisitList } from '../../../features/liaison/components/visit-list';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';
import { splitFieldErrors } from '../../../features/liaison/components/labels';

/** The enterprise's side: 我的联络民警, asking them, and 走访记录 to confirm or dispute within 7 days. */
export default function EnterpriseLiaisonPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const liaison = useMyLiaison();
  const visits = useEnterpriseVisits();
  const bookings = useMyBookings();
  const confirm = useConfirmVisit();
  const [asking, setAsking] = useState(false);
  const [disputing, setDisputing] = useState<Visit | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<{ note?: string }>();

  const answer = async (visit: Visit, verdict: 'confirmed' | 'disputed', note?: string) => {
    setBanner(null);
    try {
      await confirm.mutateAsync({ id: visit.id, verdict, note: note?.trim() || undefined });
      message.success(verdict === 'confirmed' ? t('liaison.confirmedDone') : t('liaison.disputedDone'));
      setDisputing(null);
      form.resetFields();
    } catch (e) {
      if (verdict === 'disputed') {
        const { onFields, other } = splitFieldErrors(e, (n) => (n[n.length - 1] === 'note' ? ['note'] : null));
        form.setFields(onFields);
        if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
      } else message.error(isApiError(e) ? (e.fieldErrors[0]?.message ?? e.message) : t('common.error'));
    }
  };

  const open = (v: Visit) => !v.confirmation && new Date(v.confirmDueAt).getTime() > Date.now();

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-liaison">
      <Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>
        {t('liaison.enterpriseTitle')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {liaison.isError ? <LiaisonError error={liaison.error} /> : <OfficerCard liaison={liaison.data} loading={liaison.isLoading} onAsk={() => setAsking(true)} />}
          <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('liaison.myBookings')}</Typography.Title>} extra={<Link to={paths.serviceCentres}>{t('liaison.centresTitle')}</Link>} className="jqt-wrap-title">
            {(bookings.data ?? []).length ? (
              <ul className="jqt-liaison-plain" data-testid="my-bookings">
                {bookings.data!.map((b) => (
                  <li key={b.id}>
                    {b.date} {t(`liaison.slots.${b.slot}`)} · {b.centreName ?? ''} {b.purpose}
                  </li>
                ))}
              </ul>
            ) : (
              <Typography.Text type="secondary">{t('liaison.noBookings')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('liaison.visitsTitle')}</Typography.Title>} className="jqt-wrap-title">
            <Typography.Paragraph type="secondary">{t('liaison.visitsConfirmHelp')}</Typography.Paragraph>
            {visits.isError ? (
              <LiaisonError error={visits.error} />
            ) : (
              <VisitList
                testId="enterprise-visits"
                visits={visits.data}
                loading={visits.isLoading}
                itemPath={paths.enterprise.item}
                actions={(v) =>
                  open(v) ? (
                    <Space wrap>
                      <Button type="primary" size="small" icon={<CheckOutlined aria-hidden />} loading={confirm.isPending} onClick={() => void answer(v, 'confirmed')} data-action="confirm-visit">
                        {t('liaison.confirm')}
                      </Button>
                      <Button size="small" danger icon={<ExclamationCircleOutlined aria-hidden />} onClick={() => setDisputing(v)} data-action="dispute-visit">
                        {t('liaison.dispute')}
                      </Button>
                      <Typography.Text type="secondary">{t('liaison.confirmUntil', { at: formatDateTime(v.confirmDueAt, lang) })}</Typography.Text>
                    </Space>
                  ) : null
                }
              />
            )}
          </Card>
        </Col>
      </Row>
      <AskDialog
        open={asking}
        onClose={() => setAsking(false)}
        onCreated={(item) => {
          setAsking(false);
          message.success(t('enterprise.submitted', { number: item.number }));
          navigate(paths.enterprise.item(item.id));
        }}
      />
      <Modal
        open={!!disputing}
        title={t('liaison.dispute')}
        onCancel={() => setDisputing(null)}
        onOk={() => disputing && void answer(disputing, 'disputed', form.getFieldValue('note'))}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={confirm.isPending}
        okButtonProps={{ 'data-testid': 'dispute-submit', danger: true } as never}
        forceRender
      >
        <Form form={form} layout="vertical" name="dispute">
          <Form.Item name="note" label={t('liaison.disputeNote')} required extra={t('liaison.disputeHelp')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        </Form>
        {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
    </Space>
  );
}
