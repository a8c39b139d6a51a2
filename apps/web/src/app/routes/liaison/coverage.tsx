import { useState } from 'react';
import { Button, Card, Col, InputNumber, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { coverageExportUrl, useCoverage } from '../../../features/liaison/api/coverage';
import type { Coverage, CoverageCounts, Person } from '../../../features/liaison/api/types';
import { districtName, districtOptions } from '../../../features/liaison/components/labels';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';
import { pick } from '../../../lib/i18n';

const COUNTS: (keyof CoverageCounts)[] = [
  'keyEnterprises',
  'keyWithOfficer',
  'keyWithoutOfficer',
  'notVisited',
  'officersLinked',
  'officersIdle',
  'enterprisesCovered',
  'visitsThisMonth',
  'problemsRaised',
  'problemsSolved',
  'problemsTurnedIntoItems',
  'problemsOpen',
];
const WARN = new Set<keyof CoverageCounts>(['keyWithoutOfficer', 'notVisited', 'officersIdle', 'problemsOpen']);

/** 千警联千企 coverage: the counts (each with its definition), by district, and the three lists, with the xlsx export. */
export default function CoveragePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [district, setDistrict] = useState<string | undefined>();
  const [days, setDays] = useState(30);
  const q = useCoverage(district, days);
  const c = q.data;
  const person = (p: Person) => `${p.displayName}（${pick(p.unitName, lang)}）`;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="liaison-coverage">
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>
            {t('liaison.coverageTitle')}
          </Typography.Title>
          <Space wrap>
            <Select allowClear style={{ minWidth: 140 }} placeholder={t('liaison.allDistricts')} aria-label={t('liaison.district')} value={district} onChange={setDistrict} options={districtOptions(lang)} />
            <InputNumber min={1} max={365} value={days} onChange={(v) => setDays(Number(v) || 30)} aria-label={t('liaison.daysLabel')} suffix={t('liaison.days')} style={{ width: 110 }} data-testid="coverage-days" />
            <Button icon={<DownloadOutlined aria-hidden />} href={coverageExportUrl(district, days)} data-testid="coverage-export">
              {t('liaison.exportXlsx')}
            </Button>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {c ? t('liaison.coverageScope', { district: c.district ? districtName(c.district, lang) : t('liaison.allDistricts'), days: c.days, month: c.month }) : null}
        </Typography.Paragraph>
      </Card>
      {q.isLoading ? <Skeleton active /> : null}
      {q.isError ? <LiaisonError error={q.error} /> : null}
      {c ? (
        <>
          <Row gutter={[12, 12]} className="jqt-kpi" data-testid="coverage-counts">
            {COUNTS.map((k) => (
              <Col key={k} xs={12} md={8} xl={6}>
                <Card size="small" style={{ height: '100%' }} data-count={k}>
                  <Statistic title={t(`liaison.counts.${k}`, { days: c.days })} value={c.counts[k] ?? 0} styles={{ content: { color: WARN.has(k) && c.counts[k] > 0 ? '#c41d1d' : '#0b2a5b', fontWeight: 600 } }} />
                  <div className="jqt-liaison-def">{t(`liaison.countDefs.${k}`, { days: c.days })}</div>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={t('liaison.byDistrict')}>
            <Table<Coverage['byDistrict'][number]>
              rowKey="district"
              size="small"
              pagination={false}
              scroll={{ x: 560 }}
              dataSource={c.byDistrict}
              columns={[
                { title: t('liaison.district'), render: (_v, r) => districtName(r.district, lang) },
                { title: t('liaison.counts.keyEnterprises', { days: c.days }), dataIndex: 'keyEnterprises', align: 'right' },
                { title: t('liaison.counts.keyWithoutOfficer', { days: c.days }), dataIndex: 'keyWithoutOfficer', align: 'right' },
                { title: t('liaison.counts.notVisited', { days: c.days }), dataIndex: 'notVisited', align: 'right' },
                { title: t('liaison.counts.officersLinked', { days: c.days }), dataIndex: 'officersLinked', align: 'right' },
                { title: t('liaison.counts.visitsThisMonth', { days: c.days }), dataIndex: 'visitsThisMonth', align: 'right' },
              ]}
            />
          </Card>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('liaison.listUnassigned')} data-testid="coverage-unassigned">
                <Table<Coverage['unassigned'][number]>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={c.unassigned}
                  columns={[
                    { title: t('liaison.enterprise'), render: (_v, r) => <Link to={paths.workbench.enterpriseFile(r.id)}>{r.name}</Link> },
                    { title: t('liaison.district'), width: 90, render: (_v, r) => districtName(r.district, lang) },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('liaison.listNotVisited', { days: c.days })} data-testid="coverage-not-visited">
                <Table<Coverage['notVisited'][number]>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={c.notVisited}
                  columns={[
                    {
                      title: t('liaison.enterprise'),
                      render: (_v, r) => (
                        <div>
                          <Link to={paths.workbench.enterpriseFile(r.id)}>{r.name}</Link>
                          <div>
                            <Typography.Text type="secondary">{r.officer ? person(r.officer) : t('liaison.noOfficer')}</Typography.Text>
                          </div>
                        </div>
                      ),
                    },
                    { title: t('liaison.lastVisit'), width: 100, render: (_v, r) => r.lastVisitOn ?? t('liaison.never') },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title={t('liaison.listIdle', { days: c.days })} data-testid="coverage-idle">
                <Table<Person>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={c.idleOfficers}
                  columns={[
                    { title: t('liaison.officer'), dataIndex: 'displayName' },
                    { title: t('liaison.unit'), key: 'unit', render: (_: unknown, p: Person) => pick(p.unitName, lang) },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </Space>
  );
}
