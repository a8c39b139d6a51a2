import { DAY_MS, addDays, shanghaiDate, type WorkCalendar } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { calendarOf } from '../../modules/calendar/work-calendar.ts';
import { publishLecture, signUp } from '../../modules/prevention/open-lectures.ts';
import { demoActor } from './demo-support.ts';

const IP = '127.0.0.1';

/** The first working day at least `ahead` days after `date`. */
function workdayAfter(cal: WorkCalendar, date: string, ahead: number): string {
  let d = addDays(date, ahead);
  while (!cal.day(d).workday) d = addDays(d, 1);
  return d;
}

/**
 * 公开宣讲 (M19) for the demo, published and signed up for through the services at moments in the demo's past:
 * one held three weeks ago (three enterprises, counted in the year's coverage), one coming up that is nearly full
 * with two enterprises waiting, and one with plenty of seats. 齐鲁新材料 and 博远智能 (ent.demo1, ent.demo2) sign up
 * for nothing, so a visitor trying the portal finds every lecture open to them.
 */
export async function seedDemoOpenLectures(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });
  const dayOf = (ms: number) => shanghaiDate(new Date(now.getTime() - ms));
  const cal = await calendarOf(ctx);
  const chen = await demoActor(db, 'officer.xuanjiang');
  const ent = (n: number) => demoActor(db, `ent.demo${n}`);
  const publish = async (ms: number, input: Record<string, unknown>) => (await publishLecture(at(ms), chen, input, IP)).id;
  const join = async (ms: number, n: number, lectureId: string, attendees: number) => signUp(at(ms), await ent(n), lectureId, attendees, IP);

  // held: published a month ago for a working day ten days later; 华光陶瓷, 淄川建筑陶瓷 and 博山琉璃 sent people
  const held = await publish(30 * DAY_MS, {
    title: '企业财务人员防范电信网络诈骗专题讲座',
    topics: ['telecom-fraud', 'financial-fraud'],
    date: workdayAfter(cal, dayOf(30 * DAY_MS), 10),
    startTime: '14:30',
    durationMinutes: 90,
    place: '淄博市公安局一楼报告厅',
    speaker: '陈警官',
    capacity: 80,
  });
  await join(28 * DAY_MS, 3, held, 6);
  await join(27 * DAY_MS, 4, held, 4);
  await join(26 * DAY_MS, 5, held, 3);

  // coming up, nearly full: 28 of 30 seats taken, then two enterprises that did not fit wait in order
  const nearlyFull = await publish(6 * DAY_MS, {
    title: '防范非法集资与职务侵占风险',
    topics: ['illegal-fundraising', 'embezzlement'],
    date: workdayAfter(cal, dayOf(0), 9),
    startTime: '09:30',
    durationMinutes: 120,
    place: '张店区人民路 98 号警企服务中心多功能厅',
    speaker: '平安宣讲团 刘警官',
    capacity: 30,
  });
  await join(5 * DAY_MS, 3, nearlyFull, 12);
  await join(4 * DAY_MS, 4, nearlyFull, 10);
  await join(3 * DAY_MS, 5, nearlyFull, 6);
  await join(2 * DAY_MS, 6, nearlyFull, 5);
  await join(1 * DAY_MS, 7, nearlyFull, 3);

  // coming up, plenty of seats
  const roomy = await publish(2 * DAY_MS, {
    title: '企业网络安全与数据合规讲座',
    topics: ['cyber-security', 'public-security'],
    date: workdayAfter(cal, dayOf(0), 16),
    startTime: '14:00',
    durationMinutes: 90,
    place: '淄博市公安局一楼报告厅',
    speaker: '陈警官',
    capacity: 120,
  });
  await join(1 * DAY_MS, 8, roomy, 15);
}
