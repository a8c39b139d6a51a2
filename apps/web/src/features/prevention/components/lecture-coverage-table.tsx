import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { LECTURE_TOPICS, districts } from '@jqt/domain';
import { pick } from '../../../lib/i18n';
import type { Coverage } from '../api/open-lectures';

interface Row {
  key: string;
  name: string;
  counts: Record<string, number>;
  total?: number;
}

/**
 * 宣讲覆盖: enterprises reached per district (rows) and topic (columns) as the server counts them — each enterprise once
 * per cell, so a row is not summed (an enterprise may be reached on two topics).
 */
export function LectureCoverageTable({ coverage }: { coverage: Coverage }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const byCell = new Map(coverage.cells.map((c) => [`${c.district}|${c.topic}`, c.enterprises]));
  const known = new Set<string>(districts.map((d) => d.code));
  const rows: Row[] = [
    ...districts.map((d) => ({ code: d.code as string, name: lang === 'en' ? d.en : d.zh })),
    ...[...new Set(coverage.cells.map((c) => c.district))].filter((c) => !known.has(c)).map((c) => ({ code: c, name: c })),
  ].map((d) => ({ key: d.code, name: d.name, counts: Object.fromEntries(LECTURE_TOPICS.map((x) => [x.value, byCell.get(`${d.code}|${x.value}`) ?? 0])) }));
  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      data-testid="lecture-coverage"
      onRow={(r) => ({ 'data-district': r.key }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'district', title: t('openLectures.district'), dataIndex: 'name', fixed: 'left' },
        ...LECTURE_TOPICS.map((x) => ({
          key: x.value,
          title: pick(x.label, lang),
          align: 'right' as const,
          render: (_: unknown, r: Row) => <span data-topic={x.value}>{r.counts[x.value] || <span className="jqt-muted">0</span>}</span>,
        })),
      ]}
    />
  );
}
