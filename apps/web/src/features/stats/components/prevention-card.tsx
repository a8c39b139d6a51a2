import { Alert, Card, Col, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '../../../types/api';
import { usePreventionStats } from '../api/get-overview';

type Figure = { key: string; label: string; value: number; danger?: boolean };

function Block({ title, figures, testId }: { title: string; figures: Figure[]; testId: string }) {
  return (
    <Card size="small" title={title} data-testid={testId} style={{ height: '100%' }}>
      {figures.map((f) => (
        <div key={f.key} style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }} data-figure={f.key}>
          <Typography.Text type="secondary">{f.label}</Typography.Text>
          <Typography.Text strong style={{ color: f.danger && f.value > 0 ? '#c41d1d' : '#0b2a5b' }}>
            {f.value}
          </Typography.Text>
        </div>
      ))}
    </Card>
  );
}

/**
 * 平安服务 (M15, M16, M18, M19) in the dashboard's period and scope: risk warnings and how they were read, network
 * security inspections and their findings, open lectures, disputes; booked lectures and legal questions are items,
 * so their figures come from the overview's per-type counts.
 */
export function PreventionCard({ from, to, byType }: { from: string; to: string; byType: StatsOverview['byType'] }) {
  const { t } = useTranslation();
  const p = usePreventionStats(from, to);
  const item = (code: string) => byType.find((x) => x.type === code);
  const lecture = item('safety-lecture');
  const legal = item('legal-consultation');
  return (
    <Card title={t('preventionStats.title')} size="small" data-testid="prevention-stats">
      {p.isLoading ? <Skeleton active /> : null}
      {p.isError ? <Alert type="error" showIcon title={(p.error as Error).message} /> : null}
      {p.data ? (
        <Row gutter={[12, 12]}>
          <Col xs={24} sm={12} xl={6}>
            <Block
              testId="prevention-warnings"
              title={t('preventionStats.warnings')}
              figures={[
                { key: 'published', label: t('preventionStats.published'), value: p.data.warnings.published },
                { key: 'delivered', label: t('preventionStats.delivered'), value: p.data.warnings.delivered },
                { key: 'acknowledged', label: t('preventionStats.acknowledged'), value: p.data.warnings.acknowledged },
                { key: 'escalated', label: t('preventionStats.escalated'), value: p.data.warnings.escalated, danger: true },
              ]}
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Block
              testId="prevention-cyber"
              title={t('preventionStats.cyber')}
              figures={[
                { key: 'inspected', label: t('preventionStats.inspected'), value: p.data.cyber.inspected },
                { key: 'openFindings', label: t('preventionStats.openFindings'), value: p.data.cyber.openFindings },
                { key: 'overdueFindings', label: t('preventionStats.overdueFindings'), value: p.data.cyber.overdueFindings, danger: true },
              ]}
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Block
              testId="prevention-lectures"
              title={t('preventionStats.lectures')}
              figures={[
                { key: 'booked', label: t('preventionStats.booked'), value: lecture?.received ?? 0 },
                { key: 'held', label: t('preventionStats.held'), value: lecture?.answered ?? 0 },
                { key: 'openLectures', label: t('preventionStats.openLectures'), value: p.data.openLectures.lectures },
                { key: 'attendees', label: t('preventionStats.attendees'), value: p.data.openLectures.attendees },
                { key: 'legalAsked', label: t('preventionStats.legalAsked'), value: legal?.received ?? 0 },
                { key: 'legalAnswered', label: t('preventionStats.legalAnswered'), value: legal?.answered ?? 0 },
              ]}
            />
          </Col>
          <Col xs={24} sm={12} xl={6}>
            <Block
              testId="prevention-disputes"
              title={t('preventionStats.disputes')}
              figures={[
                { key: 'open', label: t('preventionStats.open'), value: p.data.disputes.open },
                { key: 'high', label: t('preventionStats.high'), value: p.data.disputes.high, danger: true },
                { key: 'overdue', label: t('preventionStats.overdue'), value: p.data.disputes.overdue, danger: true },
              ]}
            />
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
