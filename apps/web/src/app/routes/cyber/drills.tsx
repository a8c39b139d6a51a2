import { useState } from 'react';
import { Button, Card, Empty, InputNumber, List, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shanghaiDate } from '../../../lib/format';
import { drillQuery, useDrills, useEnterpriseSearch, useSetDrill } from '../../../features/cyber/api/cyber';
import { LedgerButton } from '../../../components/ledger-button';

/** 护网演练: which enterprises take part in a year's drill; the cyber unit marks and unmarks them. */
export default function DrillsPage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(shanghaiDate(new Date()).slice(0, 4)));
  const list = useDrills(year);
  const set = useSetDrill(year);
  const [q, setQ] = useState('');
  const found = useEnterpriseSearch(q);
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('cyber.drillTitle')}</Typography.Title>}
      extra={list.data ? <LedgerButton path="/cyber/drills/export.xlsx" query={drillQuery(year)} testId="cyber-drills-ledger" /> : null}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="cyber-drill-year">{t('cyber.year')}</label>
        <InputNumber id="cyber-drill-year" min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} />
        {list.data?.abilities.canMark ? (
          <Select
            style={{ minWidth: 260 }}
            showSearch={{ filterOption: false, onSearch: setQ }}
            value={null}
            aria-label={t('cyber.addToDrill')}
            placeholder={t('cyber.addToDrill')}
            notFoundContent={q.trim().length >= 2 ? undefined : null}
            options={(found.data ?? []).map((e) => ({ value: e.id, label: e.name }))}
            onChange={(enterpriseId: string) => set.mutate({ enterpriseId, taking: true })}
            data-testid="cyber-drill-add"
          />
        ) : null}
      </Space>
      {!list.data?.enterprises.length ? (
        <Empty description={t('cyber.noDrill')} />
      ) : (
        <List
          dataSource={list.data.enterprises}
          renderItem={(e) => (
            <List.Item
              key={e.enterpriseId}
              data-drill={e.enterpriseId}
              actions={list.data.abilities.canMark ? [<Button key="x" size="small" onClick={() => set.mutate({ enterpriseId: e.enterpriseId, taking: false })}>{t('cyber.removeFromDrill')}</Button>] : []}
            >
              <span>{e.name}</span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
