import { Button, Card, Descriptions, List, Result, Skeleton, Space, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { itemPackage } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { pick } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { DeadlineTag } from '../../../components/deadline-tag';
import { StatusTag } from '../../../components/status-tag';
import { usePackageItems } from '../../../features/packages/api/packages';

const DONE = ['answered', 'closed', 'refused'];

/** 打包办回执: one receipt for the package, and its items each with its own number, unit clock and page. */
export default function PackageReceiptPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const state = useLocation().state as { packageCode?: string } | null;
  const q = usePackageItems(id);
  if (q.isLoading) return <Skeleton active />;
  const items = [...(q.data ?? [])].sort((a, b) => a.number.localeCompare(b.number));
  if (!items.length) return <Result status="404" title={t('common.notFound')} extra={<Link to={paths.enterprise.packages}>{t('screens.package.title')}</Link>} />;
  const pkg = state?.packageCode ? itemPackage(state.packageCode) : undefined;
  const submittedAt = items[0]!.submittedAt;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="package-receipt">
      <Card className="jqt-wrap-title">
        <Result
          status="success"
          title={<span data-testid="package-title">{t('screens.package.receiptTitle')}</span>}
          subTitle={t('screens.package.receiptHint', { n: items.length })}
          extra={
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {t('screens.package.print')}
            </Button>
          }
          style={{ padding: '16px 0' }}
        />
        <Descriptions size="small" column={1} bordered>
          {pkg ? <Descriptions.Item label={t('screens.package.name')}>{pick(pkg.names, lang)}</Descriptions.Item> : null}
          <Descriptions.Item label={t('screens.package.number')}>
            <span data-testid="package-number" style={{ wordBreak: 'break-all' }}>
              {items.map((i) => i.number).join(' / ')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('screens.package.submittedAt')}>{formatDateTime(submittedAt, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('screens.package.count')}>{items.length}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('screens.package.items')}</Typography.Title>} className="jqt-wrap-title">
        <List
          dataSource={items}
          renderItem={(it) => (
            <List.Item key={it.id} data-package-entry={it.type}>
              <Space orientation="vertical" size={4} style={{ width: '100%', minWidth: 0 }}>
                <Link to={paths.enterprise.item(it.id)} style={{ fontWeight: 600 }}>
                  {pick(it.typeName, lang)}
                </Link>
                <Typography.Text type="secondary">
                  {t('screens.package.itemNumber')} {it.number}
                </Typography.Text>
                <Space wrap size={6}>
                  <StatusTag status={it.status} />
                  <DeadlineTag dueAt={it.activeDueAt} overdue={it.overdue} provisional={it.provisional} paused={it.paused} done={DONE.includes(it.status)} />
                </Space>
              </Space>
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
