import type { ReactNode } from 'react';
import { Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Visit, VisitProblem } from '../api/types';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

const outcomeStyle: Record<VisitProblem['outcome'], { color: string; background: string; borderColor: string }> = {
  solved: { color: '#1f6b0a', background: '#eefbe6', borderColor: '#a6d98a' },
  item: { color: '#0a4bb3', background: '#e8f0ff', borderColor: '#a8c5f7' },
  open: { color: '#8a4600', background: '#fff4e0', borderColor: '#f5c97a' },
};

export function ConfirmationTag({ visit }: { visit: Visit }) {
  const { t, i18n } = useTranslation();
  const c = visit.confirmation;
  if (c?.verdict === 'confirmed') return <Tag style={outcomeStyle.solved} data-confirmation="confirmed">{t('liaison.confirmed')}</Tag>;
  if (c?.verdict === 'disputed') return <Tag style={{ color: '#a3151b', background: '#fff0f0', borderColor: '#f3a9ab' }} data-confirmation="disputed">{t('liaison.disputed')}</Tag>;
  const open = new Date(visit.confirmDueAt).getTime() > Date.now();
  return (
    <Tag style={{ color: '#3c4150', background: '#f2f3f5', borderColor: '#c9cdd4', whiteSpace: 'normal' }} data-confirmation={open ? 'pending' : 'lapsed'}>
      {open ? t('liaison.awaitingConfirmation', { at: formatDateTime(visit.confirmDueAt, i18n.language) }) : t('liaison.notConfirmed')}
    </Tag>
  );
}

export interface VisitListProps {
  visits: Visit[] | undefined;
  loading?: boolean;
  /** Where an item number links (the workbench or the enterprise's item page). */
  itemPath: (id: string) => string;
  /** Shown above each visit's problems (the enterprise's name links to its file on the staff side). */
  enterpriseLink?: (v: Visit) => ReactNode;
  actions?: (v: Visit) => ReactNode;
  problemActions?: (v: Visit, p: VisitProblem) => ReactNode;
  testId?: string;
  emptyText?: string;
}

/** Visits, newest first: when, how, whom, the problems with their outcome (an item's number links to it), the enterprise's confirmation. */
export function VisitList({ visits, loading, itemPath, enterpriseLink, actions, problemActions, testId = 'visit-list', emptyText }: VisitListProps) {
  const { t, i18n } = useTranslation();
  if (loading) return <Skeleton active />;
  if (!visits?.length) return <Empty description={emptyText ?? t('liaison.noVisits')} />;
  return (
    <List
      data-testid={testId}
      dataSource={visits}
      split={false}
      renderItem={(v) => (
        <List.Item style={{ padding: '6px 0' }} data-visit={v.id}>
          <Card size="small" style={{ width: '100%' }}>
            <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
              <strong>{v.date}</strong>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`liaison.ways.${v.way}`)}</Tag>
              {v.centreName ? <Typography.Text type="secondary">{v.centreName}</Typography.Text> : null}
              <ConfirmationTag visit={v} />
            </Space>
            <div>{enterpriseLink ? enterpriseLink(v) : <strong>{v.enterpriseName}</strong>}</div>
            <div>
              <Typography.Text type="secondary">
                {t('liaison.officer')}：{v.officer.displayName}（{pick(v.officer.unitName, i18n.language)}）· {t('liaison.met')}：{v.met}
              </Typography.Text>
            </div>
            {v.summary ? <Typography.Paragraph style={{ margin: '4px 0' }}>{v.summary}</Typography.Paragraph> : null}
            {v.problems.length ? (
              <ol className="jqt-liaison-problems" aria-label={t('liaison.problems')}>
                {v.problems.map((p) => (
                  <li key={p.id} data-problem-outcome={p.outcome}>
                    <Tag style={{ ...outcomeStyle[p.outcome], marginInlineEnd: 6 }}>{p.itemTypeName ? pick(p.itemTypeName, i18n.language) : t(`liaison.outcomes.${p.outcome}`)}</Tag>
                    <span>{p.text}</span>
                    {p.outcome === 'solved' && p.resolution ? (
                      <div>
                        <Typography.Text type="secondary">
                          {t('liaison.resolution')}：{p.resolution}
                        </Typography.Text>
                      </div>
                    ) : null}
                    {p.itemId ? (
                      <div>
                        <Link to={itemPath(p.itemId)} data-testid="problem-item-link">
                          {p.itemNumber ?? t('common.view')}
                        </Link>
                        {p.itemStatus ? <Typography.Text type="secondary"> · {t(`status.${p.itemStatus}`, { defaultValue: p.itemStatus })}</Typography.Text> : null}
                      </div>
                    ) : null}
                    {problemActions ? problemActions(v, p) : null}
                  </li>
                ))}
              </ol>
            ) : (
              <Typography.Text type="secondary">{t('liaison.noProblems')}</Typography.Text>
            )}
            {v.confirmation?.note ? (
              <div>
                <Typography.Text type="secondary">
                  {t('liaison.confirmationNote')}：{v.confirmation.note}
                </Typography.Text>
              </div>
            ) : null}
            {actions ? <div style={{ marginTop: 8 }}>{actions(v)}</div> : null}
          </Card>
        </List.Item>
      )}
    />
  );
}
