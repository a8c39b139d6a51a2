import { DAY_MS, shanghaiDate } from '@jqt/domain';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { followUpDispute, recordDispute, remindDueFollowUps } from '../../modules/prevention/disputes.ts';
import { enterprises } from '../schema.ts';
import { demoActor } from './demo-support.ts';

const IP = '127.0.0.1';

/**
 * 矛盾纠纷排查 (M15), made through the service at moments in the demo's past: 李警官's land dispute at 齐鲁新材料's
 * project, followed up once and due again today; 刘警官's wage dispute at 博远智能 (high risk, due in two days); at
 * 华光陶瓷 a restructuring dispute resolved and a supplier's debt dispute whose follow-up is two days overdue.
 * Needs the liaison demo (officer.zhangdian, officer.zhangdian2 and their enterprises).
 */
export async function seedDemoDisputes(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });
  const dayOf = (ms: number) => shanghaiDate(new Date(now.getTime() - ms));
  const li = await demoActor(db, 'officer.zhangdian');
  const liu = await demoActor(db, 'officer.zhangdian2');
  const ent1 = (await demoActor(db, 'ent.demo1')).enterpriseId!;
  const ent2 = (await demoActor(db, 'ent.demo2')).enterpriseId!;
  const [{ id: huaguang }] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '淄博华光陶瓷科技文化有限公司'));

  const land = await recordDispute(at(20 * DAY_MS), li, { enterpriseId: ent1, kind: 'land', summary: '树脂项目二期用地涉及邻村 12 户宅基地，补偿标准尚未谈妥，村民曾两次阻拦施工车辆进场。', risk: 'medium', nextFollowUpOn: dayOf(7 * DAY_MS) }, IP);
  await followUpDispute(at(7 * DAY_MS), li, land.id, { note: '会同街道召开协调会，企业同意提高临时占地补偿，仍有 3 户未签协议。', risk: 'medium', nextFollowUpOn: dayOf(0) }, IP);

  await recordDispute(at(3 * DAY_MS), liu, { enterpriseId: ent2, kind: 'labour', summary: '外包装配线 40 余名工人反映两个月工资未发，扬言集体到园区管委会上访。', risk: 'high', nextFollowUpOn: dayOf(-2 * DAY_MS) }, IP);

  const restructuring = await recordDispute(at(30 * DAY_MS), li, { enterpriseId: huaguang, kind: 'restructuring', summary: '企业进入重整程序，部分债权人对清偿方案有异议，担心老员工安置。', risk: 'medium', nextFollowUpOn: dayOf(15 * DAY_MS) }, IP);
  await followUpDispute(at(15 * DAY_MS), li, restructuring.id, { note: '重整计划经债权人会议表决通过，员工安置方案已公示，无人提出异议。', risk: 'low', resolved: true }, IP);

  await recordDispute(at(10 * DAY_MS), li, { enterpriseId: huaguang, kind: 'other', summary: '一家原料供应商称被拖欠货款 30 万元，多次到厂区催讨并发生口角。', risk: 'low', nextFollowUpOn: dayOf(2 * DAY_MS) }, IP);
  // The overdue one was reminded on its day; today's is left for the running sweeper.
  await remindDueFollowUps(at(2 * DAY_MS));
}
