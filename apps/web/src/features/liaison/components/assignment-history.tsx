import { Button, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../api/types';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

/** 一企一警 history, newest first: who, since when, until when, who assigned and why; `onEnd` (the office) ends the active one. */
export function AssignmentHistory({ assignments, loading, onEnd }: { assignments: Assignment[] | undefined; loading?: boolean; onEnd?: (a: Assignment) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (loading) return <Skeleton active />;
  if (!assignments?.length) return <Empty description={t('liaison.noAssignments')} />;
  return (
    <List
      data-testid="assignment-history"
      dataSource={assignments}
      renderItem={(a) => (
        <List.Item data-assignment={a.id} data-active={a.toAt ? 'false' : 'true'}>
          <div style={{ width: '100%' }}>
            <div>
              {a.toAt ? <Tag>{t('liaison.ended')}</Tag> : <Tag style={{ color: '#1f6b0a', background: '#eefbe6', borderColor: '#a6d98a' }}>{t('liaison.active')}</Tag>}
              <strong>{a.officer.displayName}</strong> <Typography.Text type="secondary">{pick(a.officer.unitName, i18n.language)}</Typography.Text>
              {a.deputy ? (
                <Typography.Text type="secondary">
                  {' '}
                  · {t('liaison.deputy')}：{a.deputy.displayName}
                </Typography.Text>
              ) : null}
            </div>
            <div>
              <Typography.Text type="secondary">
                {formatDateTime(a.fromAt, lang)} — {a.toAt ? formatDateTime(a.toAt, lang) : t('liaison.now')} · {t('liaison.assignedBy', { name: a.assignedBy.displayName })}
              </Typography.Text>
            </div>
            <div>
              {t('liaison.reason')}：{a.reason}
            </div>
            {a.endReason ? (
              <div>
                {t('liaison.endReason')}：{a.endReason}
              </div>
            ) : null}
            {onEnd && !a.toAt ? (
              <div style={{ marginTop: 6 }}>
                <Button size="small" danger icon={<StopOutlined aria-hidden />} onClick={() => onEnd(a)} data-action="end-assignment" aria-label={`${t('liaison.endAssignment')}：${a.officer.displayName}`}>
                  {t('liaison.endAssignment')}
                </Button>
              </div>
            ) : null}
          </div>
        </List.Item>
      )}
    />
  );
}
