import { Col, Row } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemType } from '../../../types/api';
import { paths } from '../../../config/paths';
import { pick } from '../../../lib/i18n';
import { CYBER_SEVERITIES } from '@jqt/domain';

export const MEASURE_COUNT = 20;

/** The 20 measures of 淄公通〔2023〕34号 as a service catalog; measures with online item types link to their guides. */
export function MeasureCatalog({ itemTypes }: { itemTypes: ItemType[] | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Row gutter={[12, 12]} role="list" aria-label={t('portal.measuresTitle')}>
      {Array.from({ length: MEASURE_COUNT }, (_, i) => i + 1).map((n) => {
        const types = (itemTypes ?? []).filter((it) => it.measure === n);
        const extra = n === 2 ? [{ to: paths.bulletins, label: t('bulletins.title'), testId: 'measure-link-bulletins' }] : n === 8 ? [{ to: paths.truckCheck, label: t('truck.title'), testId: 'measure-link-truck' }] : n === 19 ? [{ to: paths.openLectures(), label: t('openLectures.portalTitle'), testId: 'measure-link-open-lectures' }] : [];
        return (
          <Col key={n} xs={24} sm={12} lg={8} xl={6} role="listitem">
            <div className="jqt-measure-card" data-measure={n}>
              <span className="jqt-measure-num" aria-hidden>
                {n}
              </span>
              <div>
                <h3 className="jqt-measure-title">
                  <span className="sr-only">{t('portal.measureNo', { n })} </span>
                  {t(`measures.${n}.title`)}
                </h3>
                <p className="jqt-muted">{t(`measures.${n}.summary`)}</p>
                {n === 16 ? <CyberDeadlines /> : types.length || extra.length ? (
                  <div className="jqt-links">
                    {extra.map((x) => (
                      <Link key={x.to} to={x.to} data-testid={x.testId}>
                        {x.label} ›
                      </Link>
                    ))}
                    {types.map((it) => (
                      <Link key={it.code} to={paths.service(it.code)} data-testid={`service-link-${it.code}`}>
                        {pick(it.names, i18n.language)} ›
                      </Link>
                    ))}
                  </div>
                ) : (
                  <span className="jqt-chip">{t('portal.comingSoon')}</span>
                )}
              </div>
            </div>
          </Col>
        );
      })}
    </Row>
  );
}

/** M16 网络安全检查 has no item type to guide: its rectification deadlines, read from the one declaration. */
function CyberDeadlines() {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="guide-cyber" aria-label={t('cyber.guide.title')}>
      <p className="jqt-muted" style={{ marginBottom: 4 }}>{t('cyber.guide.intro')}</p>
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {CYBER_SEVERITIES.map((s) => (
          <li key={s.value} data-severity={s.value}>
            {t('cyber.guide.item', { level: pick(s.label, i18n.language), n: s.workdays })}
          </li>
        ))}
      </ul>
    </div>
  );
}
