import { Card, Table, Typography, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { paths } from '../../../config/paths';
import { pick } from '../../../lib/i18n';
import { ruleInWords } from '../../../lib/format';
import type { ItemType } from '../../../types/api';

export default function ItemTypesPage() {
  const { t, i18n } = useTranslation();
  const types = useItemTypes();
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('admin.itemTypes')}</Typography.Title>}>
      <Table<ItemType>
        rowKey="code"
        size="small"
        loading={types.isLoading}
        dataSource={types.data ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t('admin.code'), dataIndex: 'code', render: (c: string) => <Link to={paths.service(c)}>{c}</Link> },
          { title: t('item.type'), render: (_v, it) => pick(it.names, i18n.language) },
          { title: 'M', dataIndex: 'measure', width: 50 },
          { title: t('guide.acceptWithin'), render: (_v, it) => ruleInWords(it.deadlines.accept?.rule, t) },
          { title: t('guide.handleWithin'), render: (_v, it) => it.deadlines.handle.map((h) => ruleInWords(h.rule, t)).join(' / ') },
          { title: t('guide.rating'), render: (_v, it) => t(`ratingScale.${it.ratingScale}`) },
          { title: t('admin.submitters'), render: (_v, it) => it.submitters.map((s) => <Tag key={s}>{t(`submitter.${s}`)}</Tag>) },
        ]}
      />
    </Card>
  );
}
