import { Alert, Card, Col, Descriptions, Grid, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail as ItemDetailT, ItemType, Unit, User, Item } from '../../../types/api';
import { DeadlineTag } from '../../../components/deadline-tag';
import { StatusTag } from '../../../components/status-tag';
import { Timeline } from '../../../components/timeline';
import { pick } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { ActionBar } from './action-bar';

export interface ItemDetailProps {
  item: ItemDetailT;
  itemType: ItemType | undefined;
  units: Unit[] | undefined;
  me: User;
  onStale: (current: Item | undefined) => void;
}

function valueText(v: unknown, itemType: ItemType | undefined, name: string, lang: string, t: (k: string) => string): string {
  if (v === undefined || v === null || v === '') return '—';
  const f = itemType?.form.properties[name];
  const label = f?.['x-enum-labels']?.[String(v)];
  if (label) return lang === 'en' ? label.en : label.zh;
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) return v.length ? String(v.length) : '—';
  return String(v);
}

/** One item: what was asked, its clock, the answer, joint branches, the timeline, and the allowed actions. */
export function ItemDetail({ item, itemType, units, me, onStale }: ItemDetailProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const unit = (id: string | null | undefined) => {
    const u = units?.find((x) => x.id === id);
    return u ? (lang === 'en' ? u.nameEn : u.nameZh) : '—';
  };
  const done = ['answered', 'closed', 'refused'].includes(item.status);
  const screens = Grid.useBreakpoint();
  const props = itemType?.form.properties ?? {};
  const dataKeys = Object.keys(props).length ? Object.keys(props).filter((k) => k in (item.data ?? {})) : Object.keys(item.data ?? {});
  const title = typeof item.data?.title === 'string' ? item.data.title : pick(item.typeName, lang);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="item-detail" data-status={item.status}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.4em', marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Space wrap style={{ marginBottom: 12 }}>
          <Typography.Text copyable data-testid="item-number">{item.number}</Typography.Text>
          <Tag>{pick(item.typeName, lang)}</Tag>
          <StatusTag status={item.status} />
          {done ? null : <DeadlineTag dueAt={item.activeDueAt} overdue={item.overdue} provisional={item.provisional} paused={item.paused} />}
          {item.supervision ? <Tag color={item.supervision.listed ? 'red' : 'orange'}>{item.supervision.listed ? t('item.listed') : t('item.supervised')}</Tag> : null}
        </Space>
        {item.pendingTransfer ? (
          <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('item.pendingTransfer', { from: unit(item.pendingTransfer.fromUnitId), to: unit(item.pendingTransfer.toUnitId) })} description={item.pendingTransfer.note} />
        ) : null}
        {item.extension ? (
          <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('item.extension', { days: item.extension.days, status: t(`extensionStatus.${item.extension.status}`, { defaultValue: item.extension.status }) })} description={item.extension.note} />
        ) : null}
        {item.status === 'awaiting_supplement' ? <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('item.awaitingSupplement')} /> : null}
        <div>
          <ActionBar item={item} itemType={itemType} units={units} me={me} onStale={onStale} />
        </div>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            {item.answer ? (
              <Card title={t('item.answer')} data-testid="item-answer">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.answer}</Typography.Paragraph>
              </Card>
            ) : null}
            {item.rating ? (
              <Card title={t('item.rating')} data-testid="item-rating">
                <Space>
                  <Tag color={item.rating.bad ? 'red' : 'green'}>{t(`rating.${item.rating.level}`)}</Tag>
                  <span>{item.rating.note}</span>
                </Space>
              </Card>
            ) : null}
            <Card title={t('item.content')}>
              <Descriptions column={1} size="small" bordered layout={screens.sm ? 'horizontal' : 'vertical'}>
                {dataKeys.map((k) => (
                  <Descriptions.Item key={k} label={props[k] ? (lang === 'en' ? props[k]['x-label-en'] || props[k].title : props[k].title) : k}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{valueText(item.data[k], itemType, k, lang, t)}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            {item.branches.length ? (
              <Card title={t('item.branches')}>
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  dataSource={item.branches}
                  columns={[
                    { title: t('item.unit'), render: (_v, b) => unit(b.unitId) },
                    { title: t('item.status'), dataIndex: 'status', render: (s: string) => t(`branchStatus.${s}`, { defaultValue: s }) },
                    { title: t('item.answer'), dataIndex: 'answer', render: (a: string | null) => a ?? '—' },
                  ]}
                />
              </Card>
            ) : null}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('item.clock')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('item.unit')}>{unit(item.unitId)}</Descriptions.Item>
                {item.firstUnitId && item.firstUnitId !== item.unitId ? <Descriptions.Item label={t('item.firstUnit')}>{unit(item.firstUnitId)}</Descriptions.Item> : null}
                <Descriptions.Item label={t('item.submittedAt')}>{formatDateTime(item.submittedAt, lang)}</Descriptions.Item>
                <Descriptions.Item label={t('item.acceptDueAt')}>{formatDateTime(item.acceptDueAt, lang)}</Descriptions.Item>
                {item.acceptedAt ? <Descriptions.Item label={t('item.acceptedAt')}>{formatDateTime(item.acceptedAt, lang)}</Descriptions.Item> : null}
                <Descriptions.Item label={t('item.dueAt')}>
                  {formatDateTime(item.dueAt, lang)}
                  {item.provisional ? ` (${t('deadline.provisional')})` : ''}
                </Descriptions.Item>
                {item.answeredAt ? <Descriptions.Item label={t('item.answeredAt')}>{formatDateTime(item.answeredAt, lang)}</Descriptions.Item> : null}
                {item.supervision?.dueAt ? <Descriptions.Item label={t('item.supervisionDue')}>{formatDateTime(item.supervision.dueAt, lang)}</Descriptions.Item> : null}
              </Descriptions>
            </Card>
            <Card title={t('item.timeline')}>
              <Timeline events={item.timeline ?? []} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
