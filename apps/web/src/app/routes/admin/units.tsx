import { Button, Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { districts } from '@jqt/domain/org/districts.ts';
import { useUnits } from '../../../features/units/api/get-units';
import type { Unit } from '../../../types/api';
import { UnitSpecialistsDrawer } from './unit-specialists';

/** Police units and partner departments (read-only, the API has no unit editing), and each unit's 服务专员. */
export default function UnitsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const units = useUnits();
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<Unit | null>(null);
  const rows = (units.data ?? []).filter((u) => !q || u.nameZh.includes(q) || u.nameEn.toLowerCase().includes(q.toLowerCase()) || u.id.includes(q));
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('admin.units')}</Typography.Title>}
      extra={<Input.Search allowClear aria-label={t('admin.searchUnits')} placeholder={t('admin.searchUnits')} onChange={(e) => setQ(e.target.value.trim())} style={{ width: 220 }} />}
    >
      <Table<Unit>
        rowKey="id"
        size="small"
        loading={units.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('admin.unitName'), render: (_v, u) => (lang === 'en' ? u.nameEn : u.nameZh) },
          { title: t('admin.unitType'), dataIndex: 'unitType', render: (v: string) => t(`unitType.${v}`, { defaultValue: v }) },
          { title: t('register.district'), dataIndex: 'district', render: (v: string | null) => { const d = districts.find((x) => x.code === v); return d ? (lang === 'en' ? d.en : d.zh) : '—'; } },
          { title: t('admin.code'), dataIndex: 'id' },
          {
            title: t('admin.specialists'),
            key: 'specialists',
            render: (_v, u) => (
              <Button size="small" data-unit={u.id} onClick={() => setOpen(u)}>
                {t('admin.editSpecialists')}
              </Button>
            ),
          },
        ]}
      />
      <UnitSpecialistsDrawer unit={open} onClose={() => setOpen(null)} />
    </Card>
  );
}
