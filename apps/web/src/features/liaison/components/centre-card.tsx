import type { ReactNode } from 'react';
import { Card, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined, EnvironmentOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ServiceCentre } from '../api/types';
import { districtName } from './labels';

/** One 驻企服务中心: park, address, hours, phone, the officers on duty and services. */
export function CentreCard({ centre, extra }: { centre: ServiceCentre; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <Card size="small" style={{ height: '100%' }} data-centre={centre.id} title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0, whiteSpace: 'normal' }}>{centre.name}</Typography.Title>} className="jqt-wrap-title">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {centre.park} · {districtName(centre.district, i18n.language)}
      </Typography.Paragraph>
      <div>
        <EnvironmentOutlined aria-hidden /> {centre.address}
      </div>
      <div>
        <ClockCircleOutlined aria-hidden /> {centre.hours}
      </div>
      <div>
        <PhoneOutlined aria-hidden /> <a href={`tel:${centre.phone.replace(/[^\d+]/g, '')}`}>{centre.phone}</a>
      </div>
      {centre.staff.length ? (
        <div data-testid="centre-staff">
          <Typography.Text type="secondary">{t('liaison.centreStaff')}：</Typography.Text>
          {centre.staff.map((p) => p.displayName).join('、')}
        </div>
      ) : null}
      {centre.services.length ? (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('liaison.services')}：</Typography.Text>
          <Space size={[4, 4]} wrap>
            {centre.services.map((s) => (
              <Tag key={s} style={{ marginInlineEnd: 0 }}>
                {s}
              </Tag>
            ))}
          </Space>
        </div>
      ) : null}
      {extra ? <div style={{ marginTop: 12 }}>{extra}</div> : null}
    </Card>
  );
}
