import { Button, Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useMyCases } from '../../../features/cases/api/cases';
import { stageColor, yuan } from '../../../features/cases/components/case-progress';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

/** 我的报案: the enterprise's crime reports with their stage, unit and losses recovered. */
export default function MyCasesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useMyCases();
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('cases.myCases')}</Typography.Title>}
      extra={
        <Link to={paths.enterprise.newItem('crime-report')}>
          <Button type="primary" icon={<AlertOutlined aria-hidden />} data-testid="report-crime">{t('cases.report')}</Button>
        </Link>
      }
      className="jqt-wrap-title"
    >
      <Typography.Paragraph type="secondary">{t('cases.myCasesHint')}</Typography.Paragraph>
      {q.isLoading ? (
        <Skeleton active />
      ) : (
        <List
          data-testid="my-cases"
          dataSource={q.data ?? []}
          locale={{ emptyText: t('cases.noCases') }}
          renderItem={(c) => (
            <List.Item key={c.id}>
              <List.Item.Meta
                title={
                  <Space wrap>
                    <Link to={paths.enterprise.case(c.id)}>{c.title ?? c.number}</Link>
                    <Tag color={stageColor(c.stage)}>{pick(c.stageName, lang)}</Tag>
                  </Space>
                }
                description={
                  <Space wrap size={[12, 0]}>
                    <span>{c.number}</span>
                    <span>{c.category ? pick(c.category.label, lang) : ''}</span>
                    <span>{c.unit ? pick(c.unit.name, lang) : ''}</span>
                    <span>{formatDateTime(c.reportedAt, lang)}</span>
                    {c.recovered.total > 0 ? <span>{t('cases.recoveredTotal')} {yuan(c.recovered.total, lang)}</span> : null}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
