import { useState } from 'react';
import { Alert, App, Breadcrumb, Button, Card, Form, Input, Modal, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { checkedValues } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/format';
import { usePublicationAction, useStaffPublication } from '../../../features/publications/api/manage-publications';
import { PublicationStatusTag } from './publications';

/** 审核: the supervisor reads the draft and publishes it, or withdraws a published text with a reason. */
export default function PublicationDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const q = useStaffPublication(id);
  const act = usePublicationAction(id ?? '');
  const [withdrawing, setWithdrawing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  if (q.isLoading) return <Skeleton active />;
  if (!q.data) return <Result status="404" title={isApiError(q.error) ? q.error.message : t('common.notFound')} extra={<Link to={paths.workbench.publications}>{t('screens.pub.listTitle')}</Link>} />;
  const p = q.data;
  const publish = async () => {
    setError(null);
    try {
      await act.mutateAsync({ action: 'publish' });
      message.success(t('screens.pub.publishedOk'));
    } catch (e) {
      setError(isApiError(e) ? e.message : String(e));
    }
  };
  const withdraw = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    try {
      await act.mutateAsync({ action: 'unpublish', reason: v.reason });
      message.success(t('screens.pub.unpublishedOk'));
      setWithdrawing(false);
    } catch (e) {
      if (!isApiError(e)) throw e;
      const r = e.fieldErrors.find((f) => f.path === 'reason');
      if (r) form.setFields([{ name: 'reason', errors: [r.message] }]);
      else setError(e.message);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="publication-detail" data-status={p.status}>
      <Breadcrumb items={[{ title: <Link to={paths.workbench.publications}>{t('screens.pub.listTitle')}</Link> }, { title: p.title }]} />
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
          {p.title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <PublicationStatusTag status={p.status} />
          <Tag>{t(`bulletins.kind.${p.kind}`)}</Tag>
          <Typography.Text type="secondary">
            {p.publishedAt ? t('screens.pub.publishedAt', { at: formatDateTime(p.publishedAt, i18n.language, false) }) : t('screens.pub.createdAt', { at: formatDateTime(p.createdAt, i18n.language, false) })}
          </Typography.Text>
        </Space>
        <Typography.Paragraph strong>{p.summary}</Typography.Paragraph>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.body}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} /> : null}
        <Space wrap>
          {p.abilities.canPublish ? (
            <Button type="primary" onClick={() => void publish()} loading={act.isPending} data-action="publish">
              {t('screens.pub.publish')}
            </Button>
          ) : null}
          {p.abilities.canUnpublish ? (
            <Button danger onClick={() => setWithdrawing(true)} data-action="unpublish">
              {t('screens.pub.unpublish')}
            </Button>
          ) : null}
        </Space>
      </Card>
      <Modal
        open={withdrawing}
        title={t('screens.pub.unpublish')}
        onCancel={() => setWithdrawing(false)}
        onOk={() => void withdraw()}
        okText={t('screens.common.confirm')}
        cancelText={t('screens.common.cancel')}
        confirmLoading={act.isPending}
        okButtonProps={{ 'data-testid': 'unpublish-confirm' } as Record<string, string>}
        destroyOnHidden
      >
        <Form form={form} name="unpublish" layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t('screens.pub.reason')} rules={[{ required: true, whitespace: true, message: t('screens.common.required') }, { max: 200 }]}>
            <Input.TextArea rows={3} maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
