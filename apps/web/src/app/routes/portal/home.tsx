import { Col, Row } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AuditOutlined, CarOutlined, LoginOutlined, MessageOutlined, SolutionOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { homeForRole, paths } from '../../../config/paths';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { MeasureCatalog } from '../../../features/portal/components/measure-catalog';
import { useMe } from '../../../features/auth/api/get-me';

function Quick({ to, icon, title, desc, testId }: { to: string; icon: ReactNode; title: string; desc: string; testId: string }) {
  return (
    <Link to={to} className="jqt-quick" data-testid={testId}>
      {icon}
      <strong>{title}</strong>
      <span className="jqt-muted" style={{ fontSize: '0.9em' }}>{desc}</span>
    </Link>
  );
}

/** 淄博公安惠企服务专区: banner, quick links and the 20 measures. */
export default function PortalHome() {
  const { t } = useTranslation();
  const types = useItemTypes();
  const me = useMe();
  return (
    <>
      <section className="jqt-banner" aria-labelledby="portal-title">
        <div className="jqt-content" style={{ padding: 0 }}>
          <h1 id="portal-title">{t('portal.bannerTitle')}</h1>
          <p>{t('portal.bannerSubtitle')}</p>
        </div>
      </section>
      <div className="jqt-content">
        <section aria-labelledby="quick-title" style={{ marginTop: -28 }}>
          <h2 id="quick-title" className="sr-only">
            {t('portal.quickTitle')}
          </h2>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={6}>
              <Quick to={me.data ? paths.enterprise.newItem('appeal') : paths.service('appeal')} icon={<MessageOutlined aria-hidden />} title={t('portal.quickAppeal')} desc={t('portal.quickAppealDesc')} testId="quick-appeal" />
            </Col>
            <Col xs={12} md={6}>
              <Quick to={paths.complaint} icon={<AuditOutlined aria-hidden />} title={t('portal.quickComplaint')} desc={t('portal.quickComplaintDesc')} testId="quick-complaint" />
            </Col>
            <Col xs={12} md={6}>
              <Quick to={paths.truckCheck} icon={<CarOutlined aria-hidden />} title={t('portal.quickTruck')} desc={t('portal.quickTruckDesc')} testId="quick-truck" />
            </Col>
            <Col xs={12} md={6}>
              {me.data ? (
                <Quick to={homeForRole(me.data.role)} icon={<SolutionOutlined aria-hidden />} title={t('portal.myCenter')} desc={t('portal.quickCenterDesc')} testId="quick-center" />
              ) : (
                <Quick to={paths.login()} icon={<LoginOutlined aria-hidden />} title={t('portal.quickLogin')} desc={t('portal.quickLoginDesc')} testId="quick-login" />
              )}
            </Col>
          </Row>
        </section>
        <section aria-labelledby="measures-title" style={{ marginTop: 24 }}>
          <h2 id="measures-title" className="jqt-section-title">
            {t('portal.measuresTitle')}
          </h2>
          <p className="jqt-muted">{t('portal.measuresSubtitle')}</p>
          <MeasureCatalog itemTypes={types.data} />
        </section>
      </div>
    </>
  );
}
