import { useState } from 'react';
import { App as AntApp, Button, Col, Empty, Row, Select, Skeleton, Space, Typography } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { useServiceCentres } from '../../../features/liaison/api/service-centres';
import type { ServiceCentre } from '../../../features/liaison/api/types';
import { CentreCard } from '../../../features/liaison/components/centre-card';
import { BookingDialog } from '../../../features/liaison/components/booking-dialog';
import { districtOptions } from '../../../features/liaison/components/labels';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';

const ENTERPRISE_ROLES = ['enterprise-admin', 'enterprise-staff'];

/** 驻企服务中心 directory (public); a signed-in enterprise books a half-day. */
export default function ServiceCentresPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [district, setDistrict] = useState<string | undefined>();
  const [booking, setBooking] = useState<ServiceCentre | null>(null);
  const centres = useServiceCentres(district);
  const canBook = !!me.data && ENTERPRISE_ROLES.includes(me.data.role);
  return (
    <AntApp>
      <div className="jqt-content" data-testid="service-centres">
        <h1 className="jqt-section-title" style={{ marginTop: 8 }}>
          {t('liaison.centresTitle')}
        </h1>
        <p className="jqt-muted">{t('liaison.centresIntro')}</p>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select allowClear style={{ minWidth: 160 }} placeholder={t('liaison.allDistricts')} aria-label={t('liaison.district')} value={district} onChange={setDistrict} options={districtOptions(i18n.language)} />
          {!me.data ? (
            <Typography.Text>
              <Link to={paths.login(paths.serviceCentres)}>{t('liaison.signInToBook')}</Link>
            </Typography.Text>
          ) : null}
        </Space>
        {centres.isLoading ? <Skeleton active /> : null}
        {centres.isError ? <LiaisonError error={centres.error} /> : null}
        {centres.data && !centres.data.length ? <Empty description={t('liaison.noCentres')} /> : null}
        <Row gutter={[12, 12]}>
          {(centres.data ?? []).map((c) => (
            <Col key={c.id} xs={24} md={12} lg={8}>
              <CentreCard
                centre={c}
                extra={
                  canBook ? (
                    <Button type="primary" icon={<CalendarOutlined aria-hidden />} onClick={() => setBooking(c)} data-action="book" aria-label={`${t('liaison.book')}：${c.name}`}>
                      {t('liaison.book')}
                    </Button>
                  ) : null
                }
              />
            </Col>
          ))}
        </Row>
        <BookingDialog centre={booking} onClose={() => setBooking(null)} />
      </div>
    </AntApp>
  );
}
