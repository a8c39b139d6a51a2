import { useState } from 'react';
import { App, Button, Card, Drawer, Empty, Grid, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { LedgerButton } from '../../../components/ledger-button';
import { useWarnings } from '../../../features/prevention/api/warnings';
import { useUnits } from '../../../features/units/api/get-units';
import { WarningForm } from '../../../features/prevention/components/warning-form';
import { LevelTag, riskKindName } from '../../../features/prevention/components/warning-labels';

/** 风险预警 (M15), the sender's side: the unit's warnings with delivery and acknowledgement counts; officers draft. */
export default function WarningsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const list = useWarnings();
  const units = useUnits();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const mayDraft = me.data?.role === 'officer' || me.data?.role === 'unit-leader';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('prevention.warning.listTitle')}</Typography.Title>}
        extra={
          <Space wrap>
            <LedgerButton path="/prevention/warnings/export.xlsx" query={{}} />
            {mayDraft ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="warning-new">
                {t('prevention.warning.new')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {list.isLoading ? (
          <Skeleton active />
        ) : !list.data?.length ? (
          <Empty description={t('prevention.warning.none')} />
        ) : (
          <List
            dataSource={list.data}
            renderItem={(w) => (
              <List.Item key={w.id} data-warning={w.id} data-status={w.status}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Space wrap size={6}>
                    <LevelTag level={w.level} lang={lang} />
                    <Tag>{riskKindName(w.riskKind, lang)}</Tag>
                    <Tag color={w.status === 'published' ? 'green' : w.status === 'submitted' ? 'gold' : 'default'}>{t(`prevention.warning.status.${w.status}`)}</Tag>
                    {w.public ? <Tag>{t('prevention.warning.isPublic')}</Tag> : null}
                  </Space>
                  <Link to={paths.workbench.warning(w.id)} style={{ fontWeight: 600 }}>
                    {w.title}
                  </Link>
                  {w.status === 'published' ? (
                    <Space wrap size={12} className="jqt-muted" data-testid="warning-counts">
                      <span>{t('prevention.warning.counts', { ...w.counts })}</span>
                      {w.counts.delivered ? <Progress percent={Math.round((w.counts.acknowledged / w.counts.delivered) * 100)} size="small" style={{ width: screens.sm ? 160 : 120, margin: 0 }} aria-label={t('prevention.warning.ackRate')} /> : null}
                    </Space>
                  ) : null}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Drawer title={t('prevention.warning.new')} open={open} onClose={() => setOpen(false)} size={screens.md ? 560 : '100%'} destroyOnHidden>
        <WarningForm
          partnerUnits={(units.data ?? []).filter((u) => u.unitType === 'partner')}
          partnersLoading={units.isLoading}
          onDone={(w) => {
            message.success(t('prevention.warning.saved'));
            setOpen(false);
            void navigate(paths.workbench.warning(w.id));
          }}
        />
      </Drawer>
    </Space>
  );
}
