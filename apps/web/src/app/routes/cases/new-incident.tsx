import { App, Card, Skeleton, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ItemForm } from '../../../components/item-form';
import { paths } from '../../../config/paths';
import { useItemType } from '../../../features/item-types/api/get-item-types';
import { useRecordIncident } from '../../../features/cases/api/incidents';
import { pick } from '../../../lib/i18n';

/** 接警登记: the incident form rendered from the incident-linkage declaration; linkage branches are opened on the item. */
export default function NewIncidentPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { itemType, isLoading } = useItemType('incident-linkage');
  const record = useRecordIncident();
  if (isLoading || !itemType) return <Skeleton active />;
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{pick(itemType.names, i18n.language)}</Typography.Title>} style={{ maxWidth: 860 }} className="jqt-wrap-title">
      <Typography.Paragraph type="secondary">{t('cases.incidentHint')}</Typography.Paragraph>
      <ItemForm
        idPrefix="new-incident"
        schema={itemType.form}
        onSubmit={async (data, key) => {
          const item = await record.mutateAsync({ data, key });
          message.success(t('enterprise.submitted', { number: item.number }));
          navigate(paths.workbench.item(item.id));
        }}
      />
    </Card>
  );
}
