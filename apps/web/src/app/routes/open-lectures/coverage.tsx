import { useState } from 'react';
import { Card, Empty, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { coverageQuery, useLectureCoverage } from '../../../features/prevention/api/open-lectures';
import { LedgerButton } from '../../../components/ledger-button';
import { LectureCoverageTable } from '../../../features/prevention/components/lecture-coverage-table';

/** 宣讲覆盖 (leaders and the lecture team): enterprises reached in a year per district and topic. */
export default function LectureCoveragePage() {
  const { t } = useTranslation();
  const [year, setYear] = useState(Number(todayShanghai().slice(0, 4)));
  const coverage = useLectureCoverage(year);
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('openLectures.coverageTitle')}</Typography.Title>}
      extra={coverage.data ? <LedgerButton path="/prevention/lecture-coverage/export.xlsx" query={coverageQuery(year)} testId="lecture-coverage-ledger" /> : null}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="lecture-coverage-year">{t('openLectures.year')}</label>
        <InputNumber id="lecture-coverage-year" min={2020} max={2100} value={year} onChange={(v) => v && setYear(v)} />
      </Space>
      <p className="jqt-muted">{t('openLectures.coverageHelp')}</p>
      {coverage.isLoading ? (
        <Skeleton active />
      ) : coverage.isError ? (
        <Empty description={isApiError(coverage.error) ? coverage.error.message : t('openLectures.failed')} />
      ) : coverage.data ? (
        <>
          {!coverage.data.cells.length ? <Empty description={t('openLectures.noCoverage', { year })} /> : null}
          <LectureCoverageTable coverage={coverage.data} />
        </>
      ) : null}
    </Card>
  );
}
