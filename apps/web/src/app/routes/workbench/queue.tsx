import { useState } from 'react';
import { Card, Checkbox, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { ItemList } from '../../../features/items/components/item-list';
import { STATUSES } from '../../../features/items/components/status-filter';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useUnits } from '../../../features/units/api/get-units';
import { pick } from '../../../lib/i18n';

/** The unit's queue, nearest deadline first, coloured by remaining time; filters by status, type, overdue, supervised. */
export default function QueuePage() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<string | undefined>();
  const [type, setType] = useState<string | undefined>();
  const [overdue, setOverdue] = useState(false);
  const [supervised, setSupervised] = useState(false);
  const types = useItemTypes();
  const units = useUnits();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('workbench.queue')}</Typography.Title>}>
      <Space wrap style={{ marginBottom: 12 }} data-testid="queue-filters">
        <Select
          allowClear
          style={{ minWidth: 150 }}
          placeholder={t('item.status')}
          aria-label={t('item.status')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 170 }}
          placeholder={t('item.type')}
          aria-label={t('item.type')}
          value={type}
          onChange={setType}
          options={(types.data ?? []).map((it) => ({ value: it.code, label: pick(it.names, i18n.language) }))}
        />
        <Checkbox checked={overdue} onChange={(e) => setOverdue(e.target.checked)} data-testid="filter-overdue">
          {t('workbench.onlyOverdue')}
        </Checkbox>
        <Checkbox checked={supervised} onChange={(e) => setSupervised(e.target.checked)}>
          {t('workbench.onlySupervised')}
        </Checkbox>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('workbench.legend')}
      </Typography.Paragraph>
      <ItemList testId="queue" filters={{ status, type, overdue, supervised: supervised ? true : undefined }} itemPath={paths.workbench.item} units={units.data} showUnit />
    </Card>
  );
}
