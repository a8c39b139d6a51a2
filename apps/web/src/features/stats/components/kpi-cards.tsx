import { Card, Col, Row, Statistic, Tooltip } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Metrics } from '../../../types/api';
import { percent } from '../../../lib/format';

/** The four headline figures, each with its definition (what is counted, over which period) a hover or tap away. */
export function KpiCards({ totals, from, to }: { totals: Metrics; from: string; to: string }) {
  const { t } = useTranslation();
  const cards = [
    { key: 'onTimeRate', title: t('dashboard.onTimeRate'), value: percent(totals.onTimeRate) },
    { key: 'overdueNow', title: t('dashboard.overdueNow'), value: String(totals.overdueNow ?? 0), danger: (totals.overdueNow ?? 0) > 0 },
    { key: 'satisfactionRate', title: t('dashboard.satisfaction'), value: percent(totals.satisfactionRate) },
    { key: 'received', title: t('dashboard.received'), value: String(totals.received ?? 0) },
  ];
  return (
    <Row gutter={[12, 12]} className="jqt-kpi" data-testid="kpi-cards">
      {cards.map((c) => (
        <Col key={c.key} xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={
                <span>
                  {c.title}{' '}
                  <Tooltip title={t(`kpi.${c.key === 'satisfactionRate' ? 'satisfaction' : c.key}`, { from, to })} trigger={['hover', 'focus']}>
                    <InfoCircleOutlined role="button" tabIndex={0} aria-label={t('kpi.what', { title: c.title })} data-testid={`kpi-help-${c.key}`} style={{ color: '#5f6b7a' }} />
                  </Tooltip>
                </span>
              }
              value={c.value} styles={{ content: { color: c.danger ? '#c41d1d' : '#0b2a5b', fontWeight: 600 } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
