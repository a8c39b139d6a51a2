import { Alert, Card, Col, Descriptions, Grid, Row, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormField, ItemDetail as ItemDetailT, ItemType, Unit, User, Item } from '../../../types/api';
import { DeadlineTag } from '../../../components/deadline-tag';
import { StatusTag } from '../../../components/status-tag';
import { Timeline } from '../../../components/timeline';
import { pick } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { PendingAnswerNotice } from './pending-answer';
import { ActionBar } from './action-bar';
import { ItemOutputs } from './item-outputs';

export interface ItemDetailProps {
  item: ItemDetailT;
  itemType: ItemType | undefined;
  units: Unit[] | undefined;
  me: User;
  onStale: (current: Item | undefined) => void;
}

function valueText(v: unknown, f: FormField | undefined, lang: string, t: (k: string) => string): string {
  if (v === undefined || v === null || v === '') return '—';
  const label = f?.['x-enum-labels']?.[String(v)];
  if (label) return lang === 'en' ? label.en : label.zh;
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (Array.isArray(v)) return v.length ? String(v.length) : '—';
  return String(v);
}

/** A list field's rows (e.g. the vehicles of a batch inspection) as a numbered table. */
function ListValue({ rows, field, lang, t }: { rows: unknown[]; field: FormField; lang: string; t: (k: string) => string }) {
  const cols = Object.entries(field.items?.properties ?? {});
  return (
    <Table
      size="small"
      pagination={rows.length > 20 ? { pageSize: 20, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
      rowKey={(_r, i) => String(i)}
      dataSource={rows as Record<string, unknown>[]}
      columns={[
        { title: '#', width: 48, render: (_v, _r, i) => i + 1 },
        ...cols.map(([name, f]) => ({
          title: lang === 'en' ? f['x-label-en'] || f.title : f.title,
          dataIndex: name,
          render: (v: unknown) => <span style={{ fontFamily: f['x-check'] ? 'ui-monospace, Menlo, Consolas, monospace' : undefined }}>{valueText(v, f, lang, t)}</span>,
        })),
      ]}
    />
  );
}

/** What the status means for the one reading it, and what happens next (issue 16: both sides must see the next step). */
function nextStepText(item: ItemDetailT, me: User, t: (k: string, o?: Record<string, unknown>) => string): string {
  const side = me.role.startsWith('enterprise') ? 'enterprise' : 'staff';
  let key: string = item.status;
  if (item.status === 'answered' && item.rating) key = item.rating.bad ? 'answeredBad' : 'answeredRated';
  return t(`nextStep.${side}.${key}`, { level: item.rating ? t(`rating.${item.rating.level}`) : '', defaultValue: '' });
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
  const isList = (k: string) => props[k]?.['x-widget'] === 'list' && Array.isArray(item.data[k]);
  const listKeys = dataKeys.filter(isList);
  const scalarKeys = dataKeys.filter((k) => !isList(k));
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
        {item.enterprise ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }} data-testid="item-enterprise">
            <Descriptions.Item label={t('itemEnterprise.name')}>
              <strong>{item.enterprise.name}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('itemEnterprise.uscc')}>{item.enterprise.uscc}</Descriptions.Item>
            <Descriptions.Item label={t('itemEnterprise.address')}>{item.enterprise.address}</Descriptions.Item>
          </Descriptions>
        ) : null}
        {item.specialist ? (
          <Typography.Paragraph data-testid="item-specialist" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">{t('specialist.prefix')}</Typography.Text>
            <Typography.Text strong>{item.specialist.displayName}</Typography.Text>
          </Typography.Paragraph>
        ) : null}
        {item.pendingTransfer ? (
          <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('item.pendingTransfer', { from: unit(item.pendingTransfer.fromUnitId), to: unit(item.pendingTransfer.toUnitId) })} description={item.pendingTransfer.note} />
        ) : null}
        {item.extension ? (
          <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('item.extension', { days: item.extension.days, status: t(`extensionStatus.${item.extension.status}`, { defaultValue: item.extension.status }) })} description={item.extension.note} />
        ) : null}
        <PendingAnswerNotice item={item} drafter={item.timeline?.findLast((e) => e.action === 'answer-submitted')?.actor?.name ?? undefined} />
        {item.status === 'awaiting_supplement' ? <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('item.awaitingSupplement')} /> : null}
        {nextStepText(item, me, t) ? (
          <Typography.Paragraph data-testid="item-next-step" style={{ marginBottom: 12 }}>
            <Typography.Text strong>{t('nextStep.title')}：</Typography.Text>
            {nextStepText(item, me, t)}
          </Typography.Paragraph>
        ) : null}
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
            <ItemOutputs item={item} />
            {item.rating ? (
              <Card title={me.role.startsWith('enterprise') ? t('item.rating') : t('nextStep.ratingOfEnterprise')} data-testid="item-rating">
                <Space>
                  <Tag color={item.rating.bad ? 'red' : 'green'}>{t(`rating.${item.rating.level}`)}</Tag>
                  <span>{item.rating.note}</span>
                </Space>
              </Card>
            ) : null}
            <Card title={t('item.content')}>
              <Descriptions column={1} size="small" bordered layout={screens.sm ? 'horizontal' : 'vertical'}>
                {scalarKeys.map((k) => (
                  <Descriptions.Item key={k} label={props[k] ? (lang === 'en' ? props[k]['x-label-en'] || props[k].title : props[k].title) : k}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{valueText(item.data[k], props[k], lang, t)}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {/* list fields (rows of a small form) get a table of their own below, never a table inside a cell */}
              {listKeys.map((k) => (
                <section key={k} style={{ marginTop: 16 }} data-list-field={k}>
                  <Typography.Title level={2} style={{ fontSize: '1em', margin: '0 0 8px' }}>
                    {t('item.listTitle', { label: lang === 'en' ? props[k]['x-label-en'] || props[k].title : props[k].title, n: (item.data[k] as unknown[]).length })}
                  </Typography.Title>
                  <ListValue rows={item.data[k] as unknown[]} field={props[k]} lang={lang} t={t} />
                </section>
              ))}
            </Card>
            {item.branches.length ? (
              <Card title={t('item.branches')} data-testid="item-branches">
                <Table
                  rowKey="id"
                  size="small"
                  pagination={false}
                  onRow={(b) => ({ 'data-branch-unit': b.unitId, 'data-branch-status': b.status }) as React.HTMLAttributes<HTMLElement>}
                  dataSource={[
                    // 联办: the owning unit's own part is done when it answers; the item is done when every part is
                    { id: 'lead', unitId: item.unitId ?? '', status: item.answeredAt ? 'done' : 'open', answer: null, lead: true },
                    ...item.branches.map((b) => ({ ...b, lead: false })),
                  ]}
                  columns={[
                    {
                      title: t('item.unit'),
                      render: (_v, b) => (
                        <Space size={4} wrap>
                          {unit(b.unitId)}
                          {b.lead ? <Tag color="blue">{t('item.leadUnit')}</Tag> : null}
                        </Space>
                      ),
                    },
                    {
                      title: t('item.status'),
                      dataIndex: 'status',
                      render: (s: string, b) => (
                        <Space orientation="vertical" size={0}>
                          {/* gold's own text colour is too pale on its background (axe): a darker one */}
                          <Tag color={s === 'done' || s === 'completed' ? 'green' : 'gold'} style={s === 'done' || s === 'completed' ? undefined : { color: '#874d00' }}>{t(`branchStatus.${s}`, { defaultValue: s })}</Tag>
                          {/* 联动 (M10): a branch with its own clocks shows when it was or must be acknowledged, and its report deadline */}
                          {!b.lead && 'ackDueAt' in b && b.ackDueAt !== undefined ? (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {b.ackedAt ? t('branchClock.acked', { at: formatDateTime(b.ackedAt, lang) }) : t('branchClock.ackBy', { at: formatDateTime(b.ackDueAt, lang) })}
                              {s !== 'done' && 'dueAt' in b && b.dueAt ? ` · ${t('branchClock.reportBy', { at: formatDateTime(b.dueAt, lang) })}` : ''}
                            </Typography.Text>
                          ) : null}
                        </Space>
                      ),
                    },
                    { title: t('item.answer'), dataIndex: 'answer', render: (a: string | null, b) => a ?? (b.lead && item.answer ? t('item.seeAnswer') : '—') },
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
