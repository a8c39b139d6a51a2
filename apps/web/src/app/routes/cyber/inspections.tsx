import { useState } from 'react';
import { App, Button, Card, Drawer, Empty, Grid, List, Skeleton, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useInspections, type Inspection, type Side } from '../../../features/cyber/api/cyber';
import { PlanForm } from '../../../features/cyber/components/plan-form';
import { LedgerButton } from '../../../components/ledger-button';

function Row({ i, to }: { i: Inspection; to: string }) {
  const { t } = useTranslation();
  return (
    <List.Item data-inspection={i.id} data-status={i.status}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <Tag color={i.status === 'completed' ? 'green' : 'blue'}>{t(`cyber.inspectionStatus.${i.status}`)}</Tag>
          <span className="jqt-muted">{i.inspectedOn ?? i.plannedDate}</span>
          {i.noticeNumber ? <span className="jqt-muted">{i.noticeNumber}</span> : null}
        </Space>
        <Link to={to} style={{ fontWeight: 600 }}>
          {i.projectName ? `${i.enterpriseName} · ${i.projectName}` : i.enterpriseName}
        </Link>
        {i.status === 'completed' ? (
          <span className="jqt-muted" data-testid="cyber-counts">
            {t('cyber.counts', { ...i.counts })}
          </span>
        ) : null}
      </Space>
    </List.Item>
  );
}

function InspectionList({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const list = useInspections(side);
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const link = side === 'unit' ? paths.workbench.cyberInspection : paths.enterprise.cyberInspection;
  return (
    <>
      <Card
        title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t(side === 'unit' ? 'cyber.listTitle' : 'cyber.mineTitle')}</Typography.Title>}
        extra={
          <Space wrap>
            {side === 'unit' && list.data ? <LedgerButton path="/cyber/inspections/export.xlsx" query={{}} testId="cyber-inspections-ledger" /> : null}
            {list.data?.abilities.canPlan ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="cyber-plan-new">
                {t('cyber.plan')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {list.isLoading ? <Skeleton active /> : !list.data?.inspections.length ? <Empty description={t('cyber.none')} /> : <List dataSource={list.data.inspections} renderItem={(i) => <Row key={i.id} i={i} to={link(i.id)} />} />}
      </Card>
      <Drawer title={t('cyber.plan')} open={open} onClose={() => setOpen(false)} size={screens.md ? 560 : '100%'} destroyOnHidden>
        <PlanForm
          onDone={(i) => {
            message.success(t('cyber.planned'));
            setOpen(false);
            void navigate(link(i.id));
          }}
        />
      </Drawer>
    </>
  );
}

/** 网络安全检查, the unit's side (supervisors and city leaders read). */
export function UnitInspections() {
  return <InspectionList side="unit" />;
}
/** 网络安全检查, the enterprise's side: its own inspections only. */
export function EnterpriseInspections() {
  return <InspectionList side="enterprise" />;
}
