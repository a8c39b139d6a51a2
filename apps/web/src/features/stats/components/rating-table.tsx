import { useEffect, useRef } from 'react';
import { Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Metrics, StatsOverview } from '../../../types/api';
import { percent } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

type Row = Metrics & { key: string; name: string };

/** 好差评 by unit and by item type: how many rated, the satisfied and bad shares, beside the on-time rate. */
export function RatingTable({ stats }: { stats: StatsOverview }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rated = (rows: Row[]) => rows.filter((r) => r.received > 0 || r.answered > 0).sort((a, b) => b.rated - a.rated || b.answered - a.answered);
  const byUnit = rated(stats.byUnit.map((u) => ({ ...u, key: u.unitId, name: pick(u.unitName, lang) })));
  const byType = rated(stats.byType.map((x) => ({ ...x, key: x.type, name: pick(x.typeName, lang) })));
  const columns = (first: string) => [
    { title: first, dataIndex: 'name', key: 'name', fixed: 'left' as const, width: lang === 'en' ? 200 : 160 },
    { title: t('dashboard.answered'), dataIndex: 'answered', key: 'answered', align: 'right' as const },
    { title: t('dashboard.rated'), dataIndex: 'rated', key: 'rated', align: 'right' as const },
    { title: t('dashboard.satisfaction'), key: 'satisfactionRate', align: 'right' as const, render: (r: Row) => percent(r.satisfactionRate) },
    {
      title: t('dashboard.badRatingRate'),
      key: 'badRatingRate',
      align: 'right' as const,
      render: (r: Row) => <span style={(r.badRatingRate ?? 0) > 0 ? { color: '#c41d1d', fontWeight: 600 } : undefined}>{percent(r.badRatingRate)}</span>,
    },
    { title: t('dashboard.onTimeRate'), key: 'onTimeRate', align: 'right' as const, render: (r: Row) => percent(r.onTimeRate) },
  ];
  // On a phone the table scrolls sideways: its scroller must take the keyboard's focus (axe scrollable-region-focusable).
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelectorAll<HTMLElement>('.ant-table-content').forEach((el) => (el.tabIndex = 0));
  });
  const table = (rows: Row[], first: string, testId: string) => (
    <Table<Row> size="small" rowKey="key" data-testid={testId} dataSource={rows} columns={columns(first)} pagination={false} scroll={{ x: 640 }} />
  );
  return (
    <div ref={box}>
      <Tabs
        items={[
          { key: 'unit', label: t('dashboard.ratingsByUnit'), children: table(byUnit, t('item.unit'), 'ratings-by-unit') },
          { key: 'type', label: t('dashboard.ratingsByType'), children: table(byType, t('dashboard.itemType'), 'ratings-by-type') },
        ]}
      />
    </div>
  );
}
