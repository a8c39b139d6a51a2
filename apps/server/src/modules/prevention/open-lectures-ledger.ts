import { LECTURE_TOPICS, formatMessage, type Locale } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { districtName, inLocale, listLedger, optionLabel, type LedgerRequest } from '../ledgers/ledger.ts';
import { lectureCoverage, teamLectures } from './open-lectures.ts';

const topicName = (t: string, locale: Locale) => inLocale(optionLabel(LECTURE_TOPICS, t), locale) ?? t;

type TeamLecture = Awaited<ReturnType<typeof teamLectures>>['lectures'][number];

/** 公开宣讲台账 (M19): the lecture team's list, its order and access (the team only); sign-ups counted, not named. */
export async function exportOpenLecturesLedger(ctx: AppContext, req: LedgerRequest) {
  const { locale } = req;
  const { lectures } = await teamLectures(ctx, req.actor);
  const count = (l: TeamLecture, s: string) => l.signups.filter((x) => x.status === s).length;
  return listLedger<TeamLecture>(
    ctx,
    {
      name: 'open-lectures',
      title: 'ledger.openLectures.title',
      filters: {},
      rows: lectures,
      columns: [
        { key: 'date', header: 'ledger.col.lectureDate', width: 12, value: (l) => l.date },
        { key: 'startTime', header: 'ledger.col.startTime', width: 8, value: (l) => l.startTime },
        { key: 'title', header: 'ledger.col.title', width: 30, value: (l) => l.title },
        { key: 'topics', header: 'ledger.col.topics', width: 24, value: (l) => l.topics.map((t) => topicName(t, locale)).join('、') },
        { key: 'place', header: 'ledger.col.place', width: 24, value: (l) => l.place },
        { key: 'speaker', header: 'ledger.col.speaker', width: 12, value: (l) => l.speaker },
        { key: 'capacity', header: 'ledger.col.capacity', width: 8, value: (l) => l.capacity },
        { key: 'confirmed', header: 'ledger.col.signupsConfirmed', width: 8, value: (l) => count(l, 'confirmed') },
        { key: 'waitlisted', header: 'ledger.col.signupsWaitlisted', width: 8, value: (l) => count(l, 'waitlisted') },
        { key: 'seatsLeft', header: 'ledger.col.seatsLeft', width: 8, value: (l) => l.seatsLeft },
        { key: 'status', header: 'ledger.col.status', width: 10, value: (l) => formatMessage(locale, `ledger.lectureStatus.${l.status}`) },
        { key: 'cancelledAt', header: 'ledger.col.cancelledAt', width: 17, value: (l) => (l.cancelledAt ? l.cancelledAt.slice(0, 16).replace('T', ' ') : null) },
      ],
    },
    req,
  );
}

type Cell = Awaited<ReturnType<typeof lectureCoverage>>['cells'][number];

/** 宣讲覆盖台账: the coverage's cells of a year (district × topic, enterprises reached), the list's access. */
export async function exportLectureCoverageLedger(ctx: AppContext, req: LedgerRequest, q: { year: number }) {
  const { locale } = req;
  const { cells } = await lectureCoverage(ctx, req.actor, q.year);
  return listLedger<Cell>(
    ctx,
    {
      name: 'lecture-coverage',
      title: 'ledger.lectureCoverage.title',
      filters: q,
      rows: cells,
      columns: [
        { key: 'district', header: 'ledger.col.district', width: 14, value: (c) => districtName(c.district, locale) },
        { key: 'topic', header: 'ledger.col.topic', width: 20, value: (c) => topicName(c.topic, locale) },
        { key: 'enterprises', header: 'ledger.col.enterprisesReached', width: 10, value: (c) => c.enterprises },
      ],
    },
    req,
  );
}
