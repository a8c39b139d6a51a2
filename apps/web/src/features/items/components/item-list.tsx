import { Button, Card, Empty, Grid, List, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Item, Unit } from '../../../types/api';
import { DeadlineTag } from '../../../components/deadline-tag';
import { StatusTag } from '../../../components/status-tag';
import { pick } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useItems, type ItemFilters } from '../api/get-items';

const titleOf = (it: Item) => (typeof it.data?.title === 'string' ? it.data.title : typeof it.data?.subject === 'string' ? it.data.subject : '');
const isDone = (it: Item) => ['answered', 'closed', 'refused'].includes(it.status);

export interface ItemListProps {
  filters: ItemFilters;
  itemPath: (id: string) => string;
  units?: Unit[];
  showUnit?: boolean;
  testId?: string;
  emptyText?: string;
  compact?: boolean;
}

/** Items sorted by nearest deadline (the server's order), with status and a coloured countdown. */
export function ItemList({ filters, itemPath, units, showUnit, testId = 'item-list', emptyText, compact }: ItemListProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const screens = Grid.useBreakpoint();
  const q = useItems(filters);
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  // The server names the company to staff only; the column shows when it did.
  const showCompany = items.some((it) => it.enterpriseName !== undefined);
  const unitName = (id: string | null) => {
    const u = units?.find((x) => x.id === id);
    return u ? (lang === 'en' ? u.nameEn : u.nameZh) : '—';
  };
  const more = q.hasNextPage ? (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
        {t('common.loadMore')}
      </Button>
    </div>
  ) : null;
  if (q.isError) return <Typography.Text type="danger">{(q.error as Error).message}</Typography.Text>;

  if (!screens.md || compact) {
    return (
      <div data-testid={testId}>
        <List
          loading={q.isLoading}
          locale={{ emptyText: <Empty description={emptyText ?? t('common.empty')} /> }}
          dataSource={items}
          renderItem={(it) => (
            <List.Item style={{ padding: '6px 0' }} data-item-number={it.number}>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={itemPath(it.id)} style={{ fontWeight: 600 }}>
                  {titleOf(it) || pick(it.typeName, lang)}
                </Link>
                <div style={{ margin: '4px 0' }}>
                  <Typography.Text type="secondary">
                    {it.number} · {pick(it.typeName, lang)}
                    {it.enterpriseName ? ` · ${it.enterpriseName}` : ''}
                  </Typography.Text>
                </div>
                <Space wrap size={[4, 4]}>
                  <StatusTag status={it.status} />
                  <DeadlineTag dueAt={it.activeDueAt} overdue={it.overdue} provisional={it.provisional} paused={it.paused} done={isDone(it)} />
                  {it.supervision?.listed ? <span style={{ color: '#a3151b' }}>{t('item.listed')}</span> : it.supervision ? <span style={{ color: '#8a4600' }}>{t('item.supervised')}</span> : null}
                </Space>
              </Card>
            </List.Item>
          )}
        />
        {more}
      </div>
    );
  }

  return (
    <div data-testid={testId}>
      <Table<Item>
        rowKey="id"
        size="middle"
        loading={q.isLoading}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: <Empty description={emptyText ?? t('common.empty')} /> }}
        onRow={(it) => ({ 'data-item-number': it.number }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('item.number'), dataIndex: 'number', width: 170, render: (_v, it) => <Link to={itemPath(it.id)}>{it.number}</Link> },
          {
            title: t('item.title'),
            render: (_v, it) => (
              <div>
                <Link to={itemPath(it.id)}>{titleOf(it) || pick(it.typeName, lang)}</Link>
                <div>
                  <Typography.Text type="secondary">{pick(it.typeName, lang)}</Typography.Text>
                </div>
              </div>
            ),
          },
          ...(showCompany ? [{ title: t('queue.company'), render: (_v: unknown, it: Item) => <span data-testid="item-company">{it.enterpriseName ?? '—'}</span> }] : []),
          ...(showUnit ? [{ title: t('item.unit'), render: (_v: unknown, it: Item) => unitName(it.unitId) }] : []),
          { title: t('item.status'), width: 120, render: (_v, it) => <StatusTag status={it.status} /> },
          {
            title: t('item.deadline'),
            width: 210,
            render: (_v, it) => (
              <Space orientation="vertical" size={2}>
                <DeadlineTag dueAt={it.activeDueAt} overdue={it.overdue} provisional={it.provisional} paused={it.paused} done={isDone(it)} />
                {it.supervision ? <Typography.Text style={{ color: it.supervision.listed ? '#a3151b' : '#8a4600' }}>{it.supervision.listed ? t('item.listed') : t('item.supervised')}</Typography.Text> : null}
              </Space>
            ),
          },
          { title: t('item.submittedAt'), width: 170, render: (_v, it) => formatDateTime(it.submittedAt, lang) },
        ]}
      />
      {more}
    </div>
  );
}
