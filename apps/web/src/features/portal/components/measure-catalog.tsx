import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemType } from '../../../types/api';
import { paths } from '../../../config/paths';
import { pick } from '../../../lib/i18n';

export const MEASURE_COUNT = 20;

/** The 20 measures of 淄公通〔2023〕34号 as a service catalog; measures with online item types link to their guides. */
export function MeasureCatalog({ itemTypes }: { itemTypes: ItemType[] | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Row gutter={[12, 12]} role="list" aria-label={t('portal.measuresTitle')}>
      {Array.from({ length: MEASURE_COUNT }, (_, i) => i + 1).map((n) => {
        const types = (itemTypes ?? []).filter((it) => it.measure === n);
        return (
          <Col key={n} xs={24} sm={12} lg={8} xl={6} role="listitem">
            <Card size="small" className="jqt-measure-card" data-measure={n}>
              <Space align="start">
                <span className="jqt-measure-num" aria-label={t('portal.measureNo', { n })}>
                  {n}
                </span>
                <div>
                  <Typography.Title level={3} style={{ fontSize: '1.05em', margin: 0 }}>
                    {t(`measures.${n}.title`)}
                  </Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                    {t(`measures.${n}.summary`)}
                  </Typography.Paragraph>
                  {types.length ? (
                    <Space wrap size={[4, 4]}>
                      {types.map((it) => (
                        <Link key={it.code} to={paths.service(it.code)} data-testid={`service-link-${it.code}`}>
                          {pick(it.names, i18n.language)} ›
                        </Link>
                      ))}
                    </Space>
                  ) : (
                    <Tag>{t('portal.comingSoon')}</Tag>
                  )}
                </div>
              </Space>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
