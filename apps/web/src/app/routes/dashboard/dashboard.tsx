import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Radio, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { districts } from '@jqt/domain/org/districts.ts';
import { paths } from '../../../config/paths';
import { exportUrl, useStatsOverview } from '../../../features/stats/api/get-overview';
import { EChart } from '../../../features/stats/components/echart';
import { KpiCards } from '../../../features/stats/components/kpi-cards';
import { RatingTable } from '../../../features/stats/components/rating-table';
import { PreventionCard } from '../../../features/stats/components/prevention-card';
import { ItemList } from '../../../features/items/components/item-list';
import { itemLedgerQuery, type ItemFilters } from '../../../features/items/api/get-items';
import { LedgerButton } from '../../../components/ledger-button';
import { useUnits } from '../../../features/units/api/get-units';
import { addDays, todayShanghai } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

const BLUE = '#0b57d0';
type ListKey = 'overdue' | 'rectifying' | 'supervised' | 'listed';
const GREEN = '#2b7a0b';

/** Leaders' dashboard: KPIs, volumes over time, on-time rate by unit, by district, ratings by unit and type, and the three standing lists. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [range, setRange] = useState<[string, string]>(() => [addDays(todayShanghai(), -29), todayShanghai()]);
  const stats = useStatsOverview(range[0], range[1]);
  const units = useUnits();
  const s = stats.data;
  // drill-down: clicking a unit's bar narrows the lists below to that unit
  const [unitFilter, setUnitFilter] = useState<{ id: string; name: string } | null>(null);
  // The standing lists and their ledgers read one filter each, so an export is what its tab shows.
  const [tab, setTab] = useState<ListKey>('overdue');
  const unitId = unitFilter?.id;
  const listFilters: Record<ListKey, ItemFilters> = {
    overdue: { overdue: true, unitId },
    rectifying: { rectifying: true, unitId },
    supervised: { supervised: true, unitId },
    listed: { listed: true, unitId },
  };

  const byDay = useMemo(
    () =>
      s && {
        tooltip: { trigger: 'axis' },
        legend: { data: [t('dashboard.received'), t('dashboard.answered')], bottom: 0 },
        grid: { left: 40, right: 16, top: 16, bottom: 48 },
        xAxis: { type: 'category', data: s.byDay.map((d) => d.date.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('dashboard.received'), type: 'line', smooth: true, data: s.byDay.map((d) => d.received), itemStyle: { color: BLUE } },
          { name: t('dashboard.answered'), type: 'line', smooth: true, data: s.byDay.map((d) => d.answered), itemStyle: { color: GREEN } },
        ],
      },
    [s, t],
  );
  const unitRows = useMemo(() => (s ? [...s.byUnit].filter((u) => u.received > 0 || u.answered > 0).sort((a, b) => (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0)).slice(0, 15) : []), [s]);
  const byUnit = useMemo(() => {
    if (!s) return null;
    const rows = unitRows;
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: rows.map((u) => pick(u.unitName, lang)), axisLabel: { width: lang === 'en' ? 190 : 150, overflow: 'truncate' } },
      series: [{ name: t('dashboard.onTimeRate'), type: 'bar', data: rows.map((u) => +(((u.onTimeRate ?? 0) <= 1 ? (u.onTimeRate ?? 0) * 100 : (u.onTimeRate ?? 0)).toFixed(1))), itemStyle: { color: BLUE }, barMaxWidth: 18 }],
    };
  }, [s, lang, t, unitRows]);
  const byDistrict = useMemo(
    () =>
      s && {
        tooltip: { trigger: 'item' },
        legend: { bottom: 0, type: 'scroll' },
        series: [
          {
            name: t('dashboard.byDistrict'),
            type: 'pie',
            radius: ['35%', '65%'],
            center: ['50%', '45%'],
            data: s.byDistrict.map((d) => {
              const dd = districts.find((x) => x.code === d.district);
              return { name: dd ? (lang === 'en' ? dd.en : dd.zh) : d.district, value: d.received };
            }),
          },
        ],
      },
    [s, lang, t],
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Card>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>
            {t('dashboard.title')}
          </Typography.Title>
          <Space wrap>
            <DatePicker.RangePicker
              aria-label={t('dashboard.range')}
              allowClear={false}
              value={[dayjs(range[0]), dayjs(range[1])]}
              onChange={(v) => {
                const r = v as [Dayjs, Dayjs] | null;
                if (r?.[0] && r[1]) setRange([r[0].format('YYYY-MM-DD'), r[1].format('YYYY-MM-DD')]);
              }}
            />
            <Button icon={<DownloadOutlined aria-hidden />} href={exportUrl(range[0], range[1])} disabled={s === null} data-testid="export-xlsx">
              {t('dashboard.export')}
            </Button>
          </Space>
        </Space>
      </Card>
      {stats.isLoading ? <Skeleton active /> : null}
      {s === null ? <Alert type="info" showIcon title={t('dashboard.statsUnavailable')} /> : null}
      {stats.isError ? <Alert type="error" showIcon title={(stats.error as Error).message} /> : null}
      {s ? (
        <>
          <KpiCards totals={s.totals} from={range[0]} to={range[1]} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.volumes')} size="small">
                <EChart option={byDay!} label={t('dashboard.volumes')} testId="chart-by-day" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.onTimeByUnit')} size="small">
                <EChart
                  option={byUnit!}
                  label={t('dashboard.onTimeByUnit')}
                  testId="chart-by-unit"
                  onClick={(p) => {
                    const u = unitRows[p.dataIndex];
                    if (u) setUnitFilter({ id: u.unitId, name: pick(u.unitName, lang) });
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.byDistrict')} size="small">
                <EChart option={byDistrict!} label={t('dashboard.byDistrict')} testId="chart-by-district" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('dashboard.listedBoard')} size="small">
                <ItemList compact testId="listed-board" filters={{ listed: true, limit: 5 }} itemPath={paths.dashboard.item} units={units.data} emptyText={t('dashboard.noneListed')} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card title={t('dashboard.ratings')} size="small">
                <RatingTable stats={s} />
              </Card>
            </Col>
            <Col xs={24}>
              <PreventionCard from={range[0]} to={range[1]} byType={s.byType} />
            </Col>
          </Row>
        </>
      ) : null}
      <Card size="small">
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          {unitFilter ? (
            <Tag closable onClose={() => setUnitFilter(null)} data-testid="unit-filter">
              {t('item.unit')}: {unitFilter.name}
            </Tag>
          ) : (
            <Typography.Text type="secondary">{t('dashboard.drillHint')}</Typography.Text>
          )}
          <LedgerButton path="/items/export.xlsx" query={itemLedgerQuery(listFilters[tab])} testId={`ledger-export-${tab}`} />
        </Space>
        {/* Buttons that wrap rather than tabs: four lists overflow a phone's tab bar into a menu axe refuses. */}
        <Radio.Group
          optionType="button"
          value={tab}
          onChange={(e) => setTab(e.target.value as ListKey)}
          aria-label={t('ledgers.lists')}
          style={{ margin: '8px 0' }}
          data-testid="dashboard-lists"
          options={[
            { value: 'overdue', label: t('dashboard.overdueList') },
            { value: 'rectifying', label: t('ledgers.rectifyingList') },
            { value: 'supervised', label: t('dashboard.supervisedList') },
            { value: 'listed', label: t('dashboard.listedBoard') },
          ]}
        />
        <ItemList key={tab} testId={`${tab}-list`} filters={listFilters[tab]} itemPath={paths.dashboard.item} units={units.data} showUnit />
      </Card>
    </Space>
  );
}
