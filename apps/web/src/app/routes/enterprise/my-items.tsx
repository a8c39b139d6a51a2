import { useState } from 'react';
import { Button, Card, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { ItemList } from '../../../features/items/components/item-list';
import { STATUSES } from '../../../features/items/components/status-filter';

export default function MyItemsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [status, setStatus] = useState<string | undefined>();
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('enterprise.myItems')}</Typography.Title>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(paths.enterprise.newItem())} data-testid="new-item">
          {t('enterprise.newItem')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('item.status')}
          aria-label={t('item.status')}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
      </Space>
      <ItemList filters={{ status }} itemPath={paths.enterprise.item} emptyText={t('enterprise.noItems')} />
    </Card>
  );
}
