import { randomUUID } from 'node:crypto';
import { DAY_MS, addDays, shanghaiDate, type WorkCalendar } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUserByUsername, insertUser } from '../../modules/accounts/repository.ts';
import { storeAttachment } from '../../modules/attachments/service.ts';
import { calendarOf } from '../../modules/calendar/work-calendar.ts';
import { setDrill } from '../../modules/cyber/drills.ts';
import { answerFinding, reviewFinding } from '../../modules/cyber/findings.ts';
import { planInspection, recordResult } from '../../modules/cyber/inspections.ts';

const IP = '127.0.0.1';
const EVIDENCE = Buffer.concat([Buffer.from('%PDF-1.4\n% 数据库审计日志开启截图\n'), Buffer.alloc(200, 0x20), Buffer.from('%%EOF')]);

/** The last working day at least `back` days before `date`. */
function workdayBefore(cal: WorkCalendar, date: string, back: number): string {
  let d = addDays(date, -back);
  while (!cal.day(d).workday) d = addDays(d, -1);
  return d;
}

/**
 * 网络安全检查 (M16) demo, through the services at moments in the demo's past: 网安支队 王警官 (officer.wangan) and its
 * leader; 博远智能 (ent.demo2) inspected three working days ago with a high finding still open and a medium one
 * rectified and verified; an inspection of 齐鲁新材料 (ent.demo1) planned for next week; both on the 2026 drill list.
 */
export async function seedDemoCyber(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const cal = await calendarOf(ctx);
  const template = (await findUserByUsername(db, 'officer.zhangdian'))!;
  for (const [username, role, displayName, mobile] of [
    ['officer.wangan', 'officer', '网安支队 王警官', '13905339921'],
    ['leader.wangan', 'unit-leader', '网安支队 孙支队长', '13905339922'],
  ] as const) {
    await insertUser(db, { id: randomUUID(), username, passwordHash: template.passwordHash, role, displayName, unitId: 'zb-cyber', enterpriseId: null, mobile, totpSecret: template.totpSecret, isDemo: true });
  }
  const actor = async (username: string): Promise<UserActor> => {
    const u = (await findUserByUsername(db, username))!;
    return { id: u.id, role: u.role as UserActor['role'], username: u.username, displayName: u.displayName, unitId: u.unitId, enterpriseId: u.enterpriseId, via: 'session' };
  };
  const wang = await actor('officer.wangan');
  const ent1 = await actor('ent.demo1');
  const ent2 = await actor('ent.demo2');
  const today = shanghaiDate(now);
  const day = workdayBefore(cal, today, 3);
  const at = (date: string, time: string): AppContext => ({ ...ctx, now: () => new Date(`${date}T${time}:00+08:00`) });
  const ago = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });

  const planned = await planInspection(at(workdayBefore(cal, day, 5), '10:00'), wang, {
    enterpriseId: ent2.enterpriseId,
    projectName: '智能装备工业互联网平台',
    plannedDate: day,
    scope: '工业互联网平台、门户网站及客户订单数据库的等级保护落实情况',
    inspectors: ['王警官', '赵警官'],
  }, IP);
  const done = await recordResult(at(day, '16:00'), wang, planned.id, {
    inspectedOn: day,
    summary: '平台已定级备案，但门户网站存在高危漏洞，订单数据库未开启审计',
    findings: [
      { severity: 'high', description: '门户网站后台管理地址对互联网开放且使用弱口令，存在被入侵风险' },
      { severity: 'medium', description: '客户订单数据库未开启访问审计日志，无法追溯数据查询记录' },
    ],
  }, IP);
  const medium = done.findings[1].id;
  const file = await storeAttachment(ago(DAY_MS + 7200_000), ent2, { filename: '数据库审计开启截图.pdf', bytes: EVIDENCE });
  await answerFinding(ago(DAY_MS), ent2, medium, { text: '已在订单数据库开启访问审计日志，日志保存六个月并每日备份，见截图。', attachmentIds: [file.id] }, IP);
  await reviewFinding(ago(3 * 3600_000), wang, medium, { action: 'verify', note: '远程核查审计日志已开启，整改到位' }, IP);

  await planInspection(ago(2 * 3600_000), wang, {
    enterpriseId: ent1.enterpriseId,
    plannedDate: addDays(today, 7),
    scope: '生产管理系统与办公网络边界防护、数据备份',
    inspectors: ['王警官'],
  }, IP);
  for (const e of [ent1, ent2]) await setDrill(ago(30 * DAY_MS), wang, 2026, e.enterpriseId!, true, IP);
}
