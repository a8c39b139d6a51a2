import { useState } from 'react';
import { Card, Checkbox, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { LedgerButton } from '../../../components/ledger-button';
import { useItemCounts } from '../../../features/items/api/get-item-counts';
import { itemLedgerQuery } from '../../../features/items/api/get-items';
import { ItemList } from '../../../features/items/components/item-list';
import { STATUSES } from '../../../features/items/components/status-filter';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useUnits } from '../../../features/units/api/get-units';
import { pick } from '../../../lib/i18n';

/**
 * The unit's queue, nearest deadline first, coloured by remaining time; filters by status, type, overdue, supervised
 * and a search (number, title, company, USCC), with the totals per state of what the other filters select.
 */
export default function QueuePage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [supervised, setSupervised] = useState(false);
  const [q, setQ] = useState<string | undefined>();
  const [period, setPeriod] = useState<[string, string] | null>(null);
  const common = { type, overdue, supervised: supervised ? true : undefined, q, from: period?.[0], to: period?.[1] };
  const counts = useItemCounts(common);
  const types = useItemTypes();
  const units = useUnits();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('workbench.queue')}</Typography.Title>}>
      <Space wrap style={{ marginBottom: 12 }} data-testid="queue-filters">
        <Input.Search
          allowClear
          style={{ width: 'min(360px, 100%)' }}
          placeholder={t('queue.search')}
          aria-label={t('queue.searchLabel')}
          data-testid="queue-search"
          onSearch={(v) => setQ(v.trim() || undefined)}
        />
        <Select
          allowClear
          style={{ minWidth: 150 }}
          id="queue-status"
          placeholder={t('item.status')}
          aria-label={t('item.status')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 170 }}
          id="queue-type"
          placeholder={t('item.type')}
          aria-label={t('item.type')}
          value={type}
          onChange={setType}
          options={(types.data ?? []).map((it) => ({ value: it.code, label: pick(it.names, i18n.language) }))}
        />
        <DatePicker.RangePicker
          aria-label={t('ledgers.period')}
          placeholder={[t('ledgers.from'), t('ledgers.to')]}
          value={period ? [dayjs(period[0]), dayjs(period[1])] : null}
          onChange={(v) => {
            const r = v as [Dayjs, Dayjs] | null;
            setPeriod(r?.[0] && r[1] ? [r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')] : null);
          }}
          data-testid="filter-period"
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="filter-overdue">
          {t('workbench.onlyOverdue')}
        </Checkbox>
        <Checkbox checked={supervised} onChange={(e) => setSupervised(e.target.checked)}>
          {t('workbench.onlySupervised')}
        </Checkbox>
        <LedgerButton path="/items/export.xlsx" query={itemLedgerQuery({ ...common, status })} />
      </Space>
      {counts.data ? (
        <Space wrap size={[4, 8]} style={{ marginBottom: 8 }} data-testid="queue-totals" aria-label={t('queue.totals')}>
          <Tag.CheckableTag checked={status === undefined} onChange={() => setStatus(undefined)}>
            {t('queue.all', { count: counts.data.total })}
          </Tag.CheckableTag>
          {STATUSES.filter((st) => counts.data.byStatus[st]).map((st) => (
            <Tag.CheckableTag key={st} checked={status === st} onChange={(on) => setStatus(on ? st : undefined)} data-status={st}>
              {t(`status.${st}`)} {counts.data.byStatus[st]}
            </Tag.CheckableTag>
          ))}
          {counts.data.overdue ? (
            <Tag color="red" data-testid="queue-overdue-total">
              {t('queue.overdue', { count: counts.data.overdue })}
            </Tag>
          ) : null}
        </Space>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('workbench.legend')} {t('queue.pausedHint')}
      </Typography.Paragraph>
      <ItemList testId="queue" filters={{ ...common, status }} itemPath={paths.workbench.item} units={units.data} showUnit />
    </Card>
  );
}
