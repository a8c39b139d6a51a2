import { useMemo, useState } from 'react';
import { App, Button, Card, Collapse, Drawer, Empty, Grid, List, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { BarChartOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { APPOINTMENT_MAX_DAYS_AHEAD, WorkCalendar, addDays, districts, type DayKind } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { useCalendarDays } from '../../../features/calendar/api/get-calendar-days';
import { useCancelLecture, useTeamLectures, type TeamLecture } from '../../../features/prevention/api/open-lectures';
import { OpenLectureFacts, SignupTag } from '../../../features/prevention/components/open-lecture-facts';
import { OpenLecturePublishForm } from '../../../features/prevention/components/open-lecture-publish-form';
import { LedgerButton } from '../../../components/ledger-button';

/** The statutory calendar of the days a lecture may be published for, so the date picker asks the domain's rule. */
function usePublishCalendar(): WorkCalendar | null {
  const today = todayShanghai();
  const to = addDays(today, APPOINTMENT_MAX_DAYS_AHEAD);
  const days = useCalendarDays(today, to);
  return useMemo(() => {
    if (!days.data) return null;
    const years = new Set(days.data.map((d) => Number(d.date.slice(0, 4))));
    return new WorkCalendar({ loadedYears: years, days: days.data.map((d) => ({ date: d.date, kind: d.kind as DayKind, name: d.name })) });
  }, [days.data]);
}

function Signups({ lecture: l }: { lecture: TeamLecture }) {
  const { t, i18n } = useTranslation();
  const active = l.signups.filter((s) => s.status !== 'cancelled');
  if (!active.length) return <span className="jqt-muted">{t('openLectures.noSignups')}</span>;
  const district = (c: string) => {
    const d = districts.find((x) => x.code === c);
    return d ? (i18n.language === 'en' ? d.en : d.zh) : c;
  };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="id"
      dataSource={active}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'name', title: t('openLectures.enterprise'), dataIndex: 'enterpriseName' },
        { key: 'district', title: t('openLectures.district'), render: (_, s) => district(s.district) },
        { key: 'attendees', title: t('openLectures.attendees'), dataIndex: 'attendees', align: 'right' },
        { key: 'status', title: t('openLectures.signupStatus'), render: (_, s) => <SignupTag s={s} /> },
        { key: 'at', title: t('openLectures.signedUpOn'), render: (_, s) => s.signedUpAt.slice(0, 16).replace('T', ' ') },
      ]}
    />
  );
}

/** 公开宣讲管理 (the lecture team): publish on the portal, see each lecture's sign-ups and waitlist, cancel. */
export default function TeamOpenLecturesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useTeamLectures();
  const cancel = useCancelLecture();
  const calendar = usePublishCalendar();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  const today = todayShanghai();
  const refused = list.isError && isApiError(list.error) ? list.error.message : null;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('openLectures.teamTitle')}</Typography.Title>}
        extra={
          <Space wrap>
            <Link to={paths.workbench.lectureCoverage}>
              <BarChartOutlined aria-hidden /> {t('openLectures.coverageTitle')}
            </Link>
            {list.data ? <LedgerButton path="/prevention/open-lectures/export.xlsx" query={{}} testId="open-lectures-ledger" /> : null}
            {list.data ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="open-lecture-new">
                {t('openLectures.new')}
              </Button>
            ) : null}
          </Space>
        }
      >
        {list.isLoading ? (
          <Skeleton active />
        ) : refused ? (
          <Empty description={refused} />
        ) : !list.data?.length ? (
          <Empty description={t('openLectures.noneTeam')} />
        ) : (
          <List
            dataSource={list.data}
            renderItem={(l) => {
              const confirmed = l.signups.filter((s) => s.status === 'confirmed').length;
              return (
                <List.Item key={l.id} data-lecture={l.id} data-status={l.status}>
                  <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                    <OpenLectureFacts lecture={l} titleLevel={2} />
                    <Space wrap size={12}>
                      {l.status === 'published' && l.date < today ? <Tag color="blue">{t('openLectures.held')}</Tag> : null}
                      <span data-testid="open-lecture-counts">{t('openLectures.counts', { confirmed, taken: l.capacity - l.seatsLeft })}</span>
                      {l.abilities.canCancel ? (
                        <Popconfirm
                          title={t('openLectures.cancelLectureConfirm')}
                          description={t('openLectures.cancelLectureHelp')}
                          okText={t('openLectures.cancelLecture')}
                          cancelText={t('openLectures.keep')}
                          onConfirm={() =>
                            cancel.mutateAsync(l.id).then(
                              () => void message.success(t('openLectures.lectureCancelled')),
                              (e: unknown) => void message.error(isApiError(e) ? e.message : t('openLectures.failed')),
                            )
                          }
                        >
                          <Button danger size="small" loading={cancel.isPending && cancel.variables === l.id} data-testid="open-lecture-cancel">
                            {t('openLectures.cancelLecture')}
                          </Button>
                        </Popconfirm>
                      ) : null}
                    </Space>
                    <Collapse size="small" ghost items={[{ key: 's', label: t('openLectures.signupsN', { n: l.signups.filter((s) => s.status !== 'cancelled').length }), children: <Signups lecture={l} /> }]} />
                  </Space>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      <Drawer title={t('openLectures.new')} open={open} onClose={() => setOpen(false)} size={screens.md ? 560 : '100%'} destroyOnHidden>
        <OpenLecturePublishForm
          calendar={calendar}
          onDone={() => {
            message.success(t('openLectures.published'));
            setOpen(false);
          }}
        />
      </Drawer>
    </Space>
  );
}
