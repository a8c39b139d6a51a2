import { useState } from 'react';
import { Alert, Card, Result, Skeleton, Typography, Button, Descriptions, Grid } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ItemForm } from '../../../components/item-form';
import { paths } from '../../../config/paths';
import { useItemType } from '../../../features/item-types/api/get-item-types';
import { createItem } from '../../../features/items/api/create-item';
import type { Item } from '../../../types/api';

const TYPE = 'conduct-complaint';

/** 12389 complaint about police conduct (M20), open without an account; shows number and query code to keep. */
export default function ComplaintPage() {
  const { t } = useTranslation();
  const { itemType, isLoading } = useItemType(TYPE);
  const [done, setDone] = useState<Item | null>(null);
  const screens = Grid.useBreakpoint();
  if (isLoading) return <div className="jqt-content"><Skeleton active /></div>;
  if (!itemType) return <Result status="404" title={t('common.notFound')} />;
  if (done) {
    return (
      <div className="jqt-content">
        <Result
          status="success"
          title={t('complaint.doneTitle')}
          subTitle={t('complaint.doneHint')}
          extra={[
            <Link key="status" to={paths.complaintStatus(done.number)}>
              <Button type="primary" data-testid="complaint-status-link">{t('complaint.statusLook')}</Button>
            </Link>,
            <Link key="home" to={paths.home}>
              <Button>{t('common.backHome')}</Button>
            </Link>,
          ]}
        >
          <Descriptions column={1} bordered size="small" layout={screens.sm ? 'horizontal' : 'vertical'} data-testid="complaint-receipt">
            <Descriptions.Item label={t('item.number')}>
              <Typography.Text copyable strong data-testid="complaint-number">{done.number}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('complaint.queryCode')}>
              <Typography.Text copyable strong data-testid="complaint-query-code">{done.queryCode ?? '—'}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </Result>
      </div>
    );
  }
  return (
    <div className="jqt-content" style={{ maxWidth: 760 }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.5em', marginTop: 0 }}>{t('complaint.title')}</Typography.Title>
        <Alert type="info" showIcon title={t('complaint.intro')} style={{ marginBottom: 16 }} />
        <Typography.Paragraph>
          <Link to={paths.complaintStatus()}>{t('complaint.statusHave')}</Link>
        </Typography.Paragraph>
        <ItemForm
          idPrefix="complaint"
          schema={itemType.form}
          submitText={t('complaint.submit')}
          onSubmit={async (data, key) => setDone(await createItem({ type: TYPE, data }, key))}
        />
      </Card>
    </div>
  );
}
