import { Card, Descriptions, Grid, Space, Tag, Typography } from 'antd';
import { FilePdfOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../../types/api';
import { apiUrl } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';
import { LectureOutputs } from './lecture-outputs';
import { PassCodeOutputs } from './pass-code-outputs';

/**
 * What the handling produced, as the item's outputs hook reports it: the documents issued and their numbers, the
 * printable receipt and decision (PDF, each with a verification QR code), pass codes, bookings, a screening result.
 */
export function ItemOutputs({ item }: { item: ItemDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const screens = Grid.useBreakpoint();
  const o = item.outputs ?? {};
  const decided = !!item.answeredAt && (item.status === 'answered' || item.status === 'closed');
  const docs = [
    item.acceptedAt ? { key: 'receipt', href: apiUrl(`/items/${item.id}/receipt.pdf`), label: t('outputs.receiptPdf') } : null,
    // the same route gives the 决定书 of a licence decided either way, else the 办结通知书: the link says which
    decided
      ? { key: 'decision', href: apiUrl(`/items/${item.id}/decision.pdf`), label: t(o.decision === 'approved' ? 'outputs.approvedPdf' : o.decision === 'denied' ? 'outputs.deniedPdf' : 'outputs.concludedPdf') }
      : null,
  ].filter((d) => d !== null);

  return (
    <>
      {o.passCodes?.length ? <PassCodeOutputs codes={o.passCodes} /> : null}
      {o.lecture ? <LectureOutputs lecture={o.lecture} /> : null}
      {o.certificates?.length || o.decision || docs.length ? (
        <Card title={t('outputs.documents')} data-testid="item-documents">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {o.decision ? (
              <div>
                <Tag color={o.decision === 'approved' ? 'green' : 'red'} data-testid="item-decision" data-decision={o.decision}>
                  {t(`decision.${o.decision}`)}
                </Tag>
              </div>
            ) : null}
            {o.certificates?.length ? (
              <Descriptions column={1} size="small" bordered layout={screens.sm ? 'horizontal' : 'vertical'}>
                {o.certificates.map((c) => (
                  <Descriptions.Item key={c.kind} label={pick(c.name, lang)}>
                    <span className="jqt-verify-number" data-testid="item-certificate" data-kind={c.kind}>
                      {c.number}
                    </span>
                    <div className="jqt-muted">
                      {[c.unit ? pick(c.unit, lang) : null, formatDateTime(c.issuedAt, lang)].filter(Boolean).join(' · ')}
                    </div>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            ) : null}
            {docs.length ? (
              <Space wrap>
                {docs.map((d) => (
                  <Typography.Link key={d.key} href={d.href} target="_blank" rel="noopener" data-testid={`item-${d.key}-pdf`}>
                    <FilePdfOutlined aria-hidden /> {d.label}
                  </Typography.Link>
                ))}
              </Space>
            ) : null}
          </Space>
        </Card>
      ) : null}
      {o.inspection || o.preferred ? (
        <Card title={t('outputs.inspection')} data-testid="item-inspection">
          <Descriptions column={1} size="small">
            {o.inspection ? (
              <>
                <Descriptions.Item label={t('outputs.inspectionStation')}>
                  <span>
                    {o.inspection.station ? pick(o.inspection.station.name, lang) : '—'}
                    {o.inspection.station?.address ? (
                      <>
                        <br />
                        <span className="jqt-muted">{pick(o.inspection.station.address, lang)}</span>
                      </>
                    ) : null}
                  </span>
                </Descriptions.Item>
                <Descriptions.Item label={t('outputs.inspectionAt')}>
                  <strong>
                    {o.inspection.date} {o.inspection.slotLabel ? pick(o.inspection.slotLabel, lang) : o.inspection.slot}
                  </strong>
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('outputs.inspectionAt')}>{t('outputs.notBookedYet')}</Descriptions.Item>
            )}
            {o.preferred ? (
              <Descriptions.Item label={t('outputs.preferred')}>
                {[o.preferred.station ? pick(o.preferred.station.name, lang) : null, o.preferred.date].filter(Boolean).join(' · ')}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
      ) : null}
      {o.screening ? (
        <Card title={t('outputs.screening')} data-testid="item-screening">
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('outputs.screeningResult')}>
              <Tag color={o.screening.result === 'assessment-required' ? 'orange' : 'blue'}>{t(`outputs.screeningResults.${o.screening.result}`)}</Tag>
            </Descriptions.Item>
            {o.screening.met.length ? (
              <Descriptions.Item label={t('outputs.screeningMet')}>{o.screening.met.map((k) => t(`outputs.tiaFigures.${k}`, { defaultValue: k })).join(lang === 'en' ? ', ' : '、')}</Descriptions.Item>
            ) : null}
            <Descriptions.Item label={t('outputs.survey')}>
              {o.survey ? [o.survey.date, o.survey.time, o.survey.place].filter(Boolean).join(' · ') : o.screening.result === 'expert-survey' ? t('outputs.notBookedYet') : '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </>
  );
}
