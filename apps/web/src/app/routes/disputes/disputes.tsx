import { useState } from 'react';
import { Card, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../features/auth/api/get-me';
import { DisputesPanel } from '../../../features/disputes/components/disputes-panel';

/** 矛盾纠纷排查: the disputes screened in the reader's scope (or only the enterprises I liaise with), due ones first. */
export default function DisputesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const police = me.data?.role === 'officer' || me.data?.role === 'unit-leader';
  const [mine, setMine] = useState(police);
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>
          {t('disputes.title')}
        </Typography.Title>
      }
      extra={
        police ? (
          <Space>
            <Typography.Text id="disputes-mine-label">{t('disputes.mineOnly')}</Typography.Text>
            <Switch checked={mine} onChange={setMine} aria-labelledby="disputes-mine-label" data-testid="disputes-mine" />
          </Space>
        ) : null
      }
      className="jqt-wrap-title"
    >
      <Typography.Paragraph type="secondary">{t('disputes.pageHint')}</Typography.Paragraph>
      <DisputesPanel base={{ mine: mine || undefined }} canAct={police} testId="disputes-page" />
    </Card>
  );
}
