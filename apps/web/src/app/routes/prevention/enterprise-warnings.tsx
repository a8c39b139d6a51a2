import { App, Button, Card, Empty, List, Skeleton, Space, Tag, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeWarning, useEnterpriseWarnings } from '../../../features/prevention/api/warnings';
import { LevelTag, riskKindName } from '../../../features/prevention/components/warning-labels';

/** 风险预警, the enterprise's side: what the police warned it of, each to acknowledge (已阅知) within 3 working days. */
export default function EnterpriseWarningsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const list = useEnterpriseWarnings();
  const ack = useAcknowledgeWarning();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('prevention.warning.mineTitle')}</Typography.Title>}>
      {list.isLoading ? (
        <Skeleton active />
      ) : !list.data?.length ? (
        <Empty description={t('prevention.warning.noneForYou')} />
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
                  <Tag color="green" icon={<CheckOutlined aria-hidden />}>
                    {t('prevention.warning.acknowledgedOn', { at: w.acknowledgedAt.slice(0, 16).replace('T', ' ') })}
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
