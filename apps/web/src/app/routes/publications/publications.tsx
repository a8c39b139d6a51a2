import { useState } from 'react';
import { PUBLICATION_TEXT } from '@jqt/domain';
import { Alert, App, Button, Card, Drawer, Empty, Form, Grid, Input, List, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import { formatDateTime } from '../../../lib/format';
import { LedgerButton } from '../../../components/ledger-button';
import { staffPublicationQuery, useDraftPublication, useStaffPublications, type DraftPublication, type PublicationStatus, type StaffPublication } from '../../../features/publications/api/manage-publications';

const STATUS_COLOR: Record<string, string> = { draft: 'gold', published: 'green', unpublished: 'default' };
export function PublicationStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]} data-pub-status={status}>{t(`screens.pub.status.${status}`)}</Tag>;
}

const FIELDS = ['kind', 'title', 'summary', 'body'] as const;

/** 起草: kind, title, summary, body; the server's personal-data check comes back on the field that holds the number. */
function DraftForm({ onDone }: { onDone: (p: StaffPublication) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DraftPublication>();
  const draft = useDraftPublication();
  const [other, setOther] = useState<string | null>(null);
  const finish = async (v: DraftPublication) => {
    setOther(null);
    try {
      onDone(await draft.mutateAsync(v));
    } catch (e) {
      if (!isApiError(e)) throw e;
      setOther(showServerErrors(form, FIELDS, e));
    }
  };
  const req = { required: true, message: t('screens.common.required') };
  return (
    <Form form={form} name="publication" layout="vertical" onFinish={finish} disabled={draft.isPending} requiredMark>
      <Form.Item name="kind" label={t('screens.pub.kind')} rules={[req]}>
        <Select options={(['policy', 'bulletin', 'warning'] as const).map((k) => ({ value: k, label: t(`bulletins.kind.${k}`) }))} placeholder={t('screens.pub.choose')} />
      </Form.Item>
      <Form.Item name="title" label={t('screens.pub.title')} rules={[req, PUBLICATION_TEXT.title]}>
        <Input maxLength={PUBLICATION_TEXT.title.max} />
      </Form.Item>
      <Form.Item name="summary" label={t('screens.pub.summary')} rules={[req, PUBLICATION_TEXT.summary]}>
        <Input.TextArea rows={2} maxLength={PUBLICATION_TEXT.summary.max} />
      </Form.Item>
      <Form.Item name="body" label={t('screens.pub.body')} extra={t('screens.pub.noPersonalData')} rules={[req, PUBLICATION_TEXT.body]}>
        <Input.TextArea rows={8} maxLength={PUBLICATION_TEXT.body.max} showCount />
      </Form.Item>
      {other ? <Alert type="error" showIcon title={other} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={draft.isPending} data-testid="publication-save">
        {t('screens.pub.save')}
      </Button>
    </Form>
  );
}

/** 信息发布管理: drafts, published and withdrawn texts, searched in Chinese; staff draft, supervisors publish. */
export default function PublicationsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PublicationStatus | 'all'>('all');
  const [open, setOpen] = useState(false);
  const filters = { q, status: status === 'all' ? undefined : status };
  const list = useStaffPublications(filters);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('screens.pub.listTitle')}</Typography.Title>}
        className="jqt-wrap-title"
        extra={
          <Space wrap>
            <LedgerButton path="/publications/export.xlsx" query={staffPublicationQuery(filters)} />
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="publication-new">
              {t('screens.pub.new')}
            </Button>
          </Space>
        }
      >
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Input.Search allowClear placeholder={t('screens.pub.searchPlaceholder')} aria-label={t('screens.pub.search')} onSearch={(v) => setQ(v)} enterButton={t('screens.pub.search')} data-testid="publication-search" />
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as PublicationStatus | 'all')}
            options={(['all', 'draft', 'published', 'unpublished'] as const).map((s) => ({ value: s, label: s === 'all' ? t('screens.pub.all') : t(`screens.pub.status.${s}`) }))}
            style={{ maxWidth: '100%', overflowX: 'auto' }}
          />
          {list.isLoading ? (
            <Skeleton active />
          ) : !list.data?.length ? (
            <Empty description={q ? t('screens.pub.noMatch', { q }) : t('screens.pub.none')} />
          ) : (
            <List
              data-testid="publication-list"
              dataSource={list.data}
              renderItem={(p) => (
                <List.Item key={p.id} data-publication={p.id}>
                  <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                    <Space wrap size={6}>
                      <PublicationStatusTag status={p.status} />
                      <Tag>{t(`bulletins.kind.${p.kind}`)}</Tag>
                    </Space>
                    <Link to={paths.workbench.publication(p.id)} style={{ fontWeight: 600 }}>
                      {p.title}
                    </Link>
                    <Typography.Text type="secondary">{p.summary}</Typography.Text>
                    <Typography.Text type="secondary">{formatDateTime(p.publishedAt ?? p.createdAt, i18n.language, false)}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Space>
      </Card>
      <Drawer title={t('screens.pub.new')} open={open} onClose={() => setOpen(false)} size={screens.md ? 640 : '100%'} destroyOnHidden>
        <DraftForm
          onDone={(p) => {
            message.success(t('screens.pub.saved'));
            setOpen(false);
            void navigate(paths.workbench.publication(p.id));
          }}
        />
      </Drawer>
    </Space>
  );
}
