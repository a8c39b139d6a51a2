import { randomUUID } from 'node:crypto';
import { DAY_MS, addDays, shanghaiDate, type WorkCalendar } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUserByUsername, insertUser } from '../../modules/accounts/repository.ts';
import { calendarOf } from '../../modules/calendar/work-calendar.ts';
import { submitItem, transitionItem } from '../../modules/items/service.ts';
import { publishFaq } from '../../modules/prevention/legal-faqs.ts';
import { acknowledgeWarning, actOnWarning, draftWarning, escalateUnacknowledgedWarnings } from '../../modules/prevention/warnings.ts';
import { eq } from 'drizzle-orm';
import { enterprises } from '../schema.ts';
import { demoActor } from './demo-support.ts';

const IP = '127.0.0.1';

/** The first working day at least `ahead` days after `date`. */
function workdayAfter(cal: WorkCalendar, date: string, ahead: number): string {
  let d = addDays(date, ahead);
  while (!cal.day(d).workday) d = addDays(d, 1);
  return d;
}

/**
 * Demo data for the prevention services, made through the services at moments in the demo's past: the lecture team
 * (平安宣讲团 陈警官, 宣讲团 负责人) and the lawyers' team (公职律师 周律师); for 齐鲁新材料 (ent.demo1) a lecture given
 * last week, waiting for its record, and for 博远智能 (ent.demo2) one given, recorded and rated, and a new booking.
 */
export async function seedDemoPrevention(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });
  const dayOf = (ms: number) => shanghaiDate(new Date(now.getTime() - ms));
  const template = (await findUserByUsername(db, 'officer.zhangdian'))!;
  const addStaff = async (username: string, role: 'officer' | 'unit-leader', displayName: string, unitId: string, mobile: string) => {
    await insertUser(db, { id: randomUUID(), username, passwordHash: template.passwordHash, role, displayName, unitId, enterpriseId: null, mobile, totpSecret: template.totpSecret, isDemo: true });
  };
  await addStaff('officer.xuanjiang', 'officer', '平安宣讲团 陈警官', 'zb-lecture', '13905339911');
  await addStaff('leader.xuanjiang', 'unit-leader', '平安宣讲团 负责人', 'zb-lecture', '13905339912');
  await addStaff('officer.lvshi', 'officer', '公职律师 周律师', 'zb-lawyers', '13905339913');
  await addStaff('leader.lvshi', 'unit-leader', '公职律师服务团 负责人', 'zb-lawyers', '13905339914');
  const actor = (username: string) => demoActor(db, username);
  const chen = await actor('officer.xuanjiang');
  const ent1 = await actor('ent.demo1');
  const ent2 = await actor('ent.demo2');
  const cal = await calendarOf(ctx);

  type Step = { ms: number; who: UserActor; action: Parameters<typeof transitionItem>[3]['action']; fields: Record<string, unknown> };
  const file = async (type: string, ms: number, who: UserActor, data: Record<string, unknown>, steps: Step[]) => {
    const { item } = await submitItem(at(ms), who, { type, data, ip: IP });
    let version = item.version as number;
    for (const s of steps) version = (await transitionItem(at(s.ms), s.who, item.id as string, { action: s.action, version, fields: s.fields, ip: IP })).version as number;
    return item.id as string;
  };
  const lecture = (ms: number, who: UserActor, data: Record<string, unknown>, steps: Step[]) => file('safety-lecture', ms, who, data, steps);
  const contact = { contactName: '张经理', contactPhone: '13905330001' };

  // 齐鲁新材料: booked 12 days ago, confirmed the next day for a working day a week later, given; the record is due.
  const b1 = dayOf(12 * DAY_MS);
  const d1 = workdayAfter(cal, b1, 5);
  await lecture(12 * DAY_MS, ent1, { topics: [{ topic: 'telecom-fraud' }, { topic: 'embezzlement' }], preferredDates: [{ date: d1 }], audienceSize: 120, place: '公司一楼报告厅', ...contact }, [
    { ms: 11 * DAY_MS, who: chen, action: 'accept', fields: { lectureDate: d1, startTime: '14:30', durationMinutes: 90, speaker: '陈警官', lecturePlace: '公司一楼报告厅', note: '按企业期望日期安排' } },
  ]);
  // 博远智能: a lecture 30 days ago, recorded and rated; and a new booking waiting for the team.
  const b2 = dayOf(40 * DAY_MS);
  const d2 = workdayAfter(cal, b2, 7);
  const held = Math.max(0, Math.round((now.getTime() - new Date(`${d2}T18:00:00+08:00`).getTime()) / 1000)) * 1000;
  await lecture(40 * DAY_MS, { ...ent2 }, { topics: [{ topic: 'cyber-security' }, { topic: 'illegal-fundraising' }], preferredDates: [{ date: d2 }], audienceSize: 60, place: '研发中心会议室', contactName: '刘经理', contactPhone: '13905330002' }, [
    { ms: 39 * DAY_MS, who: chen, action: 'accept', fields: { lectureDate: d2, startTime: '09:30', durationMinutes: 120, speaker: '陈警官', lecturePlace: '研发中心会议室' } },
    { ms: held, who: chen, action: 'answer', fields: { note: '宣讲已完成，结合企业数据安全和电信诈骗典型案例进行讲解，现场解答员工提问十余个', attendance: 58, materials: '《企业网络安全与数据合规》课件；签到表' } },
    { ms: held - 3600_000, who: ent2, action: 'rate', fields: { rating: 'very-satisfied', note: '案例贴近企业实际' } },
  ]);
  await lecture(1 * DAY_MS, ent2, { topics: [{ topic: 'traffic-safety' }], preferredDates: [{ date: workdayAfter(cal, dayOf(0), 10) }, { date: workdayAfter(cal, dayOf(0), 14) }], audienceSize: 200, place: '厂区职工食堂', remarks: '驾驶员较多，希望讲解货车安全', contactName: '刘经理', contactPhone: '13905330002' }, []);

  // 公职律师: 齐鲁新材料's labour question answered and published as an FAQ; 博远智能's contract question waiting.
  const zhou = await actor('officer.lvshi');
  const answer =
    '根据《劳动合同法》第三十九条，劳动者在试用期间被证明不符合录用条件，或严重违反用人单位规章制度的，用人单位可以解除劳动合同。建议企业事先公示规章制度，保留考勤和违纪记录，书面通知本人并说明理由。';
  const asked = await file('legal-consultation', 20 * DAY_MS, ent1, { service: 'question', category: 'labour', title: '试用期员工多次旷工能否解除劳动合同', content: '我公司一名试用期员工一个月内旷工三次，公司能否解除劳动合同？需要履行哪些程序？', ...contact }, [
    { ms: 20 * DAY_MS - 3600_000, who: zhou, action: 'accept', fields: {} },
    { ms: 19 * DAY_MS, who: zhou, action: 'answer', fields: { note: answer } },
  ]);
  await publishFaq(at(18 * DAY_MS), zhou, { itemId: asked, title: '试用期员工严重违纪，企业能否解除劳动合同？', question: '试用期员工多次旷工，企业能否解除劳动合同？需要履行哪些程序？', answer }, IP);
  await file('legal-consultation', 1 * DAY_MS, ent2, { service: 'question', category: 'contract', title: '客户拖欠货款是否构成合同诈骗', content: '我公司向一家客户供货后，对方以各种理由拖欠货款八十万元且联系不上，这种情况是否构成合同诈骗，可以报案吗？', contactName: '刘经理', contactPhone: '13905330002' }, []);

  // 风险预警: 张店分局 warned three enterprises 10 days ago; 齐鲁新材料 and 博远智能 read it, 华光陶瓷 did not and was
  // escalated to 李警官; a second, public warning to all of 张店 waits for the leader's approval.
  const li = await actor('officer.zhangdian');
  const wang = await actor('leader.zhangdian');
  const [{ id: huaguang }] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '淄博华光陶瓷科技文化有限公司'));
  const first = await draftWarning(at(10 * DAY_MS), li, {
    title: '警惕冒充公司领导的转账诈骗',
    body: '近期辖区多家企业财务人员被拉入冒充公司领导的社交群，以“紧急付款”为由要求转账。请企业财务人员转账前务必当面或电话核实，严格执行付款审批制度。',
    riskKind: 'telecom-fraud',
    level: 'serious',
    audience: { enterpriseIds: [ent1.enterpriseId, ent2.enterpriseId, huaguang] },
  }, IP);
  await actOnWarning(at(10 * DAY_MS - 3600_000), li, first.id, 'submit', {}, IP);
  await actOnWarning(at(10 * DAY_MS - 7200_000), wang, first.id, 'approve', {}, IP);
  await acknowledgeWarning(at(9 * DAY_MS), ent1, first.id, IP);
  await acknowledgeWarning(at(8 * DAY_MS), ent2, first.id, IP);
  await escalateUnacknowledgedWarnings(at(3600_000));
  const second = await draftWarning(at(1 * DAY_MS), li, {
    title: '防范以“养老项目”为名的非法集资',
    body: '有不法分子以投资养老项目、高额返利为诱饵向企业员工吸收资金。请企业提醒员工：承诺保本高息的投资要提高警惕，发现线索及时向公安机关报告。',
    riskKind: 'illegal-fundraising',
    level: 'general',
    audience: { districts: ['zhangdian'] },
    public: true,
  }, IP);
  await actOnWarning(at(1 * DAY_MS - 3600_000), li, second.id, 'submit', {}, IP);
}
