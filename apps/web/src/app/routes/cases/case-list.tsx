import { Button, Card, DatePicker, Empty, Grid, Input, List, Select, Skeleton, Space, Switch, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { caseUnitTypes, crimeCaseFile, crimeCategories } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { DeadlineTag } from '../../../components/deadline-tag';
import { LedgerButton } from '../../../components/ledger-button';
import { staffCaseFilterKeys, staffCaseQuery, useStaffCases, type CaseView, type StaffCaseFilters } from '../../../features/cases/api/cases';
import { stageColor, yuan } from '../../../features/cases/components/case-progress';
import { useUnits } from '../../../features/units/api/get-units';
import { pick } from '../../../lib/i18n';

/** antd's `processing` blue is below 4.5:1 on its tint at 12 px (axe); the list uses the darker `blue`. */
const tone = (stage: string) => (stageColor(stage) === 'processing' ? 'blue' : stageColor(stage));

/** 案件列表 (workbench): the cases the server lets this officer see, filtered in the URL; 导出台账 takes the same filters. */
export default function CaseListPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(staffCaseFilterKeys.map((k) => [k, params.get(k) ?? undefined])) as StaffCaseFilters;
  const set = (patch: Partial<StaffCaseFilters>) => {
    const next = { ...filters, ...patch };
    setParams(Object.fromEntries(Object.entries(staffCaseQuery(next)).filter((e): e is [string, string] => !!e[1])), { replace: true });
  };
  const list = useStaffCases(filters);
  const units = useUnits(true);
  const caseUnits = (units.data ?? []).filter((u) => (caseUnitTypes as readonly string[]).includes(u.unitType));
  const open = (c: CaseView) => void navigate(paths.workbench.item(c.id));
  const tier = (c: CaseView) => (c.tier ? <Tag color="red" data-testid="case-special">{t('caseList.special')}·{t(`caseList.tier.${c.tier}`)}</Tag> : null);
  const listed = (c: CaseView) => (c.supervision?.listed ? <Tag color="magenta">{t('caseList.listed')}</Tag> : null);
  const deadline = (c: CaseView) => <DeadlineTag dueAt={c.decisionDueAt} />;
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('caseList.title')}</Typography.Title>}
      className="jqt-wrap-title"
      extra={<LedgerButton path="/cases/export.xlsx" query={staffCaseQuery(filters)} testId="case-ledger" />}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space wrap size={[8, 8]} data-testid="case-filters">
          <Input.Search allowClear defaultValue={filters.q} placeholder={t('caseList.searchPlaceholder')} aria-label={t('caseList.search')} onSearch={(v) => set({ q: v.trim() || undefined })} style={{ width: screens.md ? 260 : '100%' }} data-testid="case-search" />
          <Select allowClear value={filters.category} onChange={(v?: string) => set({ category: v })} placeholder={t('caseList.category')} aria-label={t('caseList.category')} style={{ width: 180 }} id="case-category"
            options={crimeCategories.map((c) => ({ value: c.code, label: pick(c.label, lang) }))} />
          <Select allowClear value={filters.stage} onChange={(v?: string) => set({ stage: v })} placeholder={t('caseList.stage')} aria-label={t('caseList.stage')} style={{ width: 160 }} id="case-stage"
            options={crimeCaseFile.stages.map((s) => ({ value: s.code, label: pick(s.label, lang) }))} />
          <Select allowClear value={filters.unitId} onChange={(v?: string) => set({ unitId: v })} placeholder={t('caseList.unit')} aria-label={t('caseList.unit')} style={{ width: 200 }}
            options={caseUnits.map((u) => ({ value: u.id, label: pick({ zh: u.nameZh, en: u.nameEn }, lang) }))} />
          <DatePicker.RangePicker
            aria-label={t('caseList.period')}
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
            placeholder={[t('caseList.from'), t('caseList.to')]}
          />
          <Space size={4}>
            <Switch checked={filters.graded === 'true'} onChange={(v) => set({ graded: v ? 'true' : undefined })} aria-label={t('caseList.special')} data-testid="case-graded" />
            <span>{t('caseList.special')}</span>
          </Space>
          <Space size={4}>
            <Switch checked={filters.listed === 'true'} onChange={(v) => set({ listed: v ? 'true' : undefined })} aria-label={t('caseList.listed')} />
            <span>{t('caseList.listed')}</span>
          </Space>
        </Space>
        {list.isLoading ? (
          <Skeleton active />
        ) : !list.data?.length ? (
          <Empty description={t('caseList.none')} />
        ) : screens.md ? (
          <Table<CaseView>
            data-testid="case-list"
            rowKey="id"
            size="middle"
            pagination={false}
            dataSource={list.data}
            onRow={(c) => ({ onClick: () => open(c), style: { cursor: 'pointer' }, 'data-case': c.number } as never)}
            columns={[
              { key: 'number', title: t('caseList.number'), render: (_, c) => <Link to={paths.workbench.item(c.id)}>{c.number}</Link> },
              { key: 'enterprise', title: t('caseList.enterprise'), render: (_, c) => c.enterpriseName ?? '—' },
              { key: 'category', title: t('caseList.category'), render: (_, c) => (c.category ? pick(c.category.label, lang) : '—') },
              { key: 'stage', title: t('caseList.stage'), render: (_, c) => <Tag color={tone(c.stage)} data-stage={c.stage}>{pick(c.stageName, lang)}</Tag> },
              { key: 'amount', title: t('caseList.amount'), align: 'right', render: (_, c) => yuan(c.amountInvolved, lang) },
              { key: 'recovered', title: t('caseList.recovered'), align: 'right', render: (_, c) => (c.recovered.total ? yuan(c.recovered.total, lang) : '—') },
              { key: 'deadline', title: t('caseList.deadline'), render: (_, c) => deadline(c) },
              { key: 'special', title: t('caseList.special'), render: (_, c) => <Space size={4} wrap>{tier(c)}{listed(c)}</Space> },
            ]}
          />
        ) : (
          <List
            data-testid="case-list"
            dataSource={list.data}
            renderItem={(c) => (
              <List.Item key={c.id} data-case={c.number}>
                <Space orientation="vertical" size={2} style={{ width: '100%', minWidth: 0 }}>
                  <Space wrap size={6}>
                    <Link to={paths.workbench.item(c.id)} style={{ fontWeight: 600 }}>{c.number}</Link>
                    <Tag color={tone(c.stage)} data-stage={c.stage}>{pick(c.stageName, lang)}</Tag>
                    {tier(c)}
                    {listed(c)}
                  </Space>
                  <Typography.Text style={{ overflowWrap: 'anywhere' }}>{c.enterpriseName ?? '—'} · {c.category ? pick(c.category.label, lang) : '—'}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('caseList.amount')} {yuan(c.amountInvolved, lang)} · {t('caseList.recovered')} {c.recovered.total ? yuan(c.recovered.total, lang) : '—'}
                  </Typography.Text>
                  {c.decisionDueAt ? deadline(c) : null}
                </Space>
              </List.Item>
            )}
          />
        )}
        {list.hasNextPage ? (
          <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="case-list-more">
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}
