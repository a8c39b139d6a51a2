import { App, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EnterpriseWarning } from '../api/warnings';
import { LevelTag, riskKindName } from './warning-labels';

/**
 * The receiving side of risk warnings, each to acknowledge (已阅知) within 3 working days: an enterprise's, or a
 * partner department's (where one of its people acknowledges for the department and the others see who did).
 */
export function WarningInbox({ title, empty, list, ack }: { title: string; empty: string; list: UseQueryResult<EnterpriseWarning[]>; ack: UseMutationResult<EnterpriseWarning, Error, string> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{title}</Typography.Title>}>
      {list.isLoading ? (
        <Skeleton active />
      ) : !list.data?.length ? (
        <Empty description={empty} />
      ) : (
        <List
          dataSource={list.data}
          renderItem={(w) => (
            <List.Item key={w.id} data-warning={w.id} data-acknowledged={w.acknowledgedAt ? 'true' : 'false'}>
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <Space wrap size={6}>
                  <LevelTag level={w.level} lang={lang} />
                  <Tag>{riskKindName(w.riskKind, lang)}</Tag>
                  <span className="jqt-muted">{w.publishedAt.slice(0, 10)}</span>
                </Space>
                <Typography.Text strong>{w.title}</Typography.Text>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{w.body}</Typography.Paragraph>
                {w.acknowledgedAt ? (
                  <Tag color="green" icon={<CheckOutlined aria-hidden />} style={{ whiteSpace: 'normal', maxWidth: '100%' }}>
                    {w.acknowledgedBy
                      ? t('prevention.warning.acknowledgedOnBy', { at: w.acknowledgedAt.slice(0, 16).replace('T', ' '), by: w.acknowledgedBy })
                      : t('prevention.warning.acknowledgedOn', { at: w.acknowledgedAt.slice(0, 16).replace('T', ' ') })}
                  </Tag>
                ) : (
                  <Space wrap>
                    <Button
                      type="primary"
                      loading={ack.isPending && ack.variables === w.id}
                      onClick={() => ack.mutate(w.id, { onSuccess: () => message.success(t('prevention.warning.thanks')) })}
                      data-testid="warning-acknowledge"
                    >
                      {t('prevention.warning.acknowledge')}
                    </Button>
                    <span className="jqt-muted">{t('prevention.warning.ackBy', { at: w.dueAt.slice(0, 10) })}</span>
                  </Space>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
