import type { ReactNode } from 'react';
import { Button, Card, Empty, Grid, List, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LiaisonEnterprise, LiaisonTag } from '../api/types';
import { tagName } from '../api/get-tags';
import { districtName } from './labels';
import { OfficerCell } from './person';

export interface EnterpriseTableProps {
  enterprises: LiaisonEnterprise[];
  loading?: boolean;
  tags?: LiaisonTag[];
  /** The enterprise's file (一企一档). */
  filePath: (id: string) => string;
  actions?: (e: LiaisonEnterprise) => ReactNode;
  more?: { hasMore: boolean; loading: boolean; load: () => void };
  testId?: string;
  emptyText?: string;
}

export function KeyTag({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return value ? (
    <Tag style={{ color: '#a3151b', background: '#fff0f0', borderColor: '#f3a9ab' }} data-key="true">
      {t('liaison.key')}
    </Tag>
  ) : null;
}

export function TagList({ codes, tags }: { codes: string[]; tags?: LiaisonTag[] }) {
  const { i18n } = useTranslation();
  if (!codes.length) return null;
  return (
    <Space size={[4, 4]} wrap>
      {codes.map((c) => (
        <Tag key={c} style={{ color: '#0b3d91', background: '#eaf1ff', borderColor: '#b7c8ef', marginInlineEnd: 0 }} data-tag={c}>
          {tagName(tags, c, i18n.language)}
        </Tag>
      ))}
    </Space>
  );
}

/** Key enterprises: a table on a desktop, one card per enterprise on a phone. */
export function EnterpriseTable({ enterprises, loading, tags, filePath, actions, more, testId = 'liaison-enterprises', emptyText }: EnterpriseTableProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const screens = Grid.useBreakpoint();
  const moreEl = more?.hasMore ? (
    <div style={{ textAlign: 'center', marginTop: 12 }}>
      <Button onClick={more.load} loading={more.loading}>
        {t('common.loadMore')}
      </Button>
    </div>
  ) : null;
  const empty = <Empty description={emptyText ?? t('common.empty')} />;

  if (!screens.md) {
    return (
      <div data-testid={testId}>
        <List
          loading={loading}
          locale={{ emptyText: empty }}
          dataSource={enterprises}
          renderItem={(e) => (
            <List.Item style={{ padding: '6px 0' }} data-enterprise={e.uscc}>
              <Card size="small" style={{ width: '100%' }}>
                <Link to={filePath(e.id)} style={{ fontWeight: 600 }}>
                  {e.name}
                </Link>
                <div>
                  <Typography.Text type="secondary">
                    {e.uscc} · {districtName(e.district, lang)}
                  </Typography.Text>
                </div>
                <Space wrap size={[4, 4]} style={{ margin: '4px 0' }}>
                  <KeyTag value={e.key} />
                  <TagList codes={e.tags} tags={tags} />
                </Space>
                <OfficerCell officer={e.officer} deputy={e.deputy} />
                <Typography.Text type="secondary">
                  {t('liaison.lastVisit')}：{e.lastVisitOn ?? t('liaison.never')}
                </Typography.Text>
                {actions ? <div style={{ marginTop: 8 }}>{actions(e)}</div> : null}
              </Card>
            </List.Item>
          )}
        />
        {moreEl}
      </div>
    );
  }

  return (
    <div data-testid={testId}>
      <Table<LiaisonEnterprise>
        rowKey="id"
        size="middle"
        loading={loading}
        pagination={false}
        dataSource={enterprises}
        locale={{ emptyText: empty }}
        onRow={(e) => ({ 'data-enterprise': e.uscc }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('liaison.enterprise'),
            render: (_v, e) => (
              <div>
                <Link to={filePath(e.id)}>{e.name}</Link>
                <div>
                  <Typography.Text type="secondary">{e.uscc}</Typography.Text>
                </div>
              </div>
            ),
          },
          { title: t('liaison.district'), width: 110, render: (_v, e) => districtName(e.district, lang) },
          {
            title: t('liaison.tags'),
            width: 220,
            render: (_v, e) => (
              <Space size={[4, 4]} wrap>
                <KeyTag value={e.key} />
                <TagList codes={e.tags} tags={tags} />
              </Space>
            ),
          },
          { title: t('liaison.officer'), width: 220, render: (_v, e) => <OfficerCell officer={e.officer} deputy={e.deputy} /> },
          { title: t('liaison.lastVisit'), width: 120, render: (_v, e) => e.lastVisitOn ?? t('liaison.never') },
          ...(actions ? [{ title: t('common.actions'), width: 250, render: (_v: unknown, e: LiaisonEnterprise) => actions(e) }] : []),
        ]}
      />
      {moreEl}
    </div>
  );
}
