import { Button, Card, Descriptions, Empty, Grid, Space, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { noticeUrl, type Inspection } from '../api/cyber';
import { FindingCard } from './finding-card';

/** An inspection as both sides read it: the plan, the result, the notice and each finding. */
export function InspectionView({ inspection: i, children }: { inspection: Inspection; children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const wide = !!Grid.useBreakpoint().md;
  // on a phone one column of label-over-value rows: a bordered two-column table is cut off at 390 px
  const span = wide ? 2 : 1;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="cyber-inspection" data-status={i.status}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.3em', marginTop: 0 }}>
          {i.projectName ? `${i.enterpriseName} · ${i.projectName}` : i.enterpriseName}
        </Typography.Title>
        <Descriptions column={wide ? 2 : 1} size="small" bordered={wide} layout={wide ? 'horizontal' : 'vertical'}>
          <Descriptions.Item label={t('cyber.status')}>
            <Tag color={i.status === 'completed' ? 'green' : 'blue'}>{t(`cyber.inspectionStatus.${i.status}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('cyber.plannedDate')}>{i.plannedDate}</Descriptions.Item>
          <Descriptions.Item label={t('cyber.scope')} span={span}>{i.scope}</Descriptions.Item>
          <Descriptions.Item label={t('cyber.inspectors')}>{i.inspectors.join('、')}</Descriptions.Item>
          {i.inspectedOn ? <Descriptions.Item label={t('cyber.inspectedOn')}>{i.inspectedOn}</Descriptions.Item> : null}
          {i.summary ? <Descriptions.Item label={t('cyber.summary')} span={span}>{i.summary}</Descriptions.Item> : null}
          {i.noticeNumber ? (
            <Descriptions.Item label={t('cyber.notice')} span={span}>
              <Space wrap>
                <span data-testid="cyber-notice-number">{i.noticeNumber}</span>
                <span className="jqt-muted">{formatDateTime(i.noticeIssuedAt, i18n.language)}</span>
                {i.abilities.canDownloadNotice ? (
                  <Button href={noticeUrl(i.id)} target="_blank" icon={<FilePdfOutlined aria-hidden />} data-testid="cyber-notice-pdf">
                    {t('cyber.noticePdf')}
                  </Button>
                ) : null}
              </Space>
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      {children}
      {i.status === 'completed' ? (
        <Card title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('cyber.findingsTitle', { n: i.counts.total, closed: i.counts.closed })}</Typography.Title>}>
          {i.findings.length ? (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {i.findings.map((f) => (
                <FindingCard key={f.id} finding={f} />
              ))}
            </Space>
          ) : (
            <Empty description={t('cyber.noFindings')} />
          )}
        </Card>
      ) : null}
    </Space>
  );
}
