import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Metrics } from '../../../types/api';
import { percent } from '../../../lib/format';

export function KpiCards({ totals }: { totals: Metrics }) {
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
            <Statistic title={c.title} value={c.value} styles={{ content: { color: c.danger ? '#c41d1d' : '#0b2a5b', fontWeight: 600 } }} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
