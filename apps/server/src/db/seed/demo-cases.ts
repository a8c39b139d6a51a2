import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUserByUsername, insertUser } from '../../modules/accounts/repository.ts';
import { recordIncident } from '../../modules/cases/incidents.ts';
import { designateSpecial, recordRecovery, recordStage } from '../../modules/cases/service.ts';
import { eq } from 'drizzle-orm';
import { enterprises } from '../schema.ts';
import { submitItem, transitionItem } from '../../modules/items/service.ts';
import { demoActor } from './demo-support.ts';

const IP = '127.0.0.1';
const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * Demo cases (M11–M13, M17), made through the services the enterprises and the units call, each at its own moment
 * in the demo's past: a contract fraud under investigation with recoveries, a dedicated team and 挂牌督办; a
 * report registered and awaiting the decision; one refused (申请复议 still open); a fresh IP report not yet
 * registered; a case sent for prosecution; one concluded and one withdrawn. Adds 经侦 and 食药环知 officers.
 */
export async function seedDemoCases(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });
  const template = (await findUserByUsername(db, 'officer.zhangdian'))!;
  const police: [string, 'officer' | 'unit-leader', string, string][] = [
    ['officer.jingzhen', 'officer', '经侦支队 陈警官', 'zb-econ'],
    ['officer.jingzhen2', 'officer', '经侦支队 韩警官', 'zb-econ'],
    ['leader.jingzhen', 'unit-leader', '经侦支队 马支队长', 'zb-econ'],
    ['officer.shiyaohuan', 'officer', '食药环知支队 郑警官', 'zb-fde'],
  ];
  const partners: [string, string, string][] = [
    ['partner.shichang', '市市场监管局 执法科', 'partner-shichang'],
    ['partner.renshe', '市人社局 劳动监察支队', 'partner-renshe'],
    ['partner.zhujian', '市住建局 建筑市场科', 'partner-zhujian'],
  ];
  for (const [i, [username, displayName, unitId]] of partners.entries()) {
    if (await findUserByUsername(db, username)) continue; // another module's demo may have made it
    await insertUser(db, { id: randomUUID(), username, passwordHash: template.passwordHash, role: 'partner', displayName, unitId, enterpriseId: null, mobile: `1390533${String(8900 + i)}`, totpSecret: null, isDemo: true });
  }
  for (const [i, [username, role, displayName, unitId]] of police.entries()) {
    await insertUser(db, { id: randomUUID(), username, passwordHash: template.passwordHash, role, displayName, unitId, enterpriseId: null, mobile: `1390533${String(8800 + i)}`, totpSecret: template.totpSecret, isDemo: true });
  }
  const actor = (username: string) => demoActor(db, username);
  const [ent1, ent2, chen, han, ma, supervisor] = await Promise.all(['ent.demo1', 'ent.demo2', 'officer.jingzhen', 'officer.jingzhen2', 'leader.jingzhen', 'supervisor'].map(actor));

  const report = async (who: UserActor, ago: number, data: Record<string, unknown>) =>
    (await submitItem(at(ago), who, { type: 'crime-report', ip: IP, data: { contactName: '张经理', contactPhone: '13905330001', place: '淄博市张店区', ...data } })).item.id;
  const act = async (who: UserActor, ago: number, id: string, action: string, fields: Record<string, unknown> = {}) => {
    const cur = await transitionItem(at(ago), who, id, { action: action as never, version: (await current(id, who)).version, fields, ip: IP });
    return cur;
  };
  const current = async (id: string, who: UserActor) => (await import('../../modules/items/service.ts')).getItem(ctx, who, id, { bypassVisibility: true });
  const fraud = (title: string, over: Record<string, unknown> = {}) => ({
    category: 'contract-fraud',
    title,
    amountInvolved: 1_280_000,
    occurredOn: new Date(now.getTime() - 40 * DAY).toISOString().slice(0, 10),
    content: '对方以签订钢材购销合同为名收取预付款后失联，合同所列公司地址不存在。',
    suspects: '李某，自称销售经理',
    ...over,
  });

  // 1. 侦查中: filed 18 days ago, losses stopped and recovered, a dedicated team, listed for supervision.
  const a = await report(ent1, 20 * DAY, fraud('某贸易公司以虚假钢材合同骗取预付款'));
  await act(chen, 20 * DAY - 2 * HOUR, a, 'accept', { note: '已受案登记' });
  await act(chen, 18 * DAY, a, 'answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
  await recordStage(at(17 * DAY), chen, a, { stage: 'investigating', note: '调取对方账户流水，发函协查' }, IP);
  await recordRecovery(at(15 * DAY), chen, a, { kind: 'stopped', amount: 300_000, on: new Date(now.getTime() - 15 * DAY).toISOString().slice(0, 10), note: '冻结涉案账户' }, IP);
  await recordRecovery(at(6 * DAY), chen, a, { kind: 'recovered', amount: 420_000, on: new Date(now.getTime() - 6 * DAY).toISOString().slice(0, 10), note: '追回赃款返还企业' }, IP);
  await designateSpecial(at(16 * DAY), ma, a, { tier: 'major', leadId: chen.id, memberIds: [han.id], note: '涉案金额大，跨省作案' }, IP);
  await act(supervisor, 16 * DAY, a, 'supervise', { note: '挂牌督办：涉企重大合同诈骗案，限期侦破', listed: true, dueAt: new Date(now.getTime() + 20 * DAY).toISOString() });

  // 2. 受案: registered yesterday, the decision due in 2 days (verification not needed).
  const b = await report(ent1, 1 * DAY + 3 * HOUR, { category: 'job-embezzlement', title: '原仓库主管涉嫌侵占库存产品', amountInvolved: 260_000, occurredOn: new Date(now.getTime() - 10 * DAY).toISOString().slice(0, 10), content: '原仓库主管离职前多次将库存产品私自出库变卖，盘点发现差额。', suspects: '原仓库主管 赵某' });
  await act(chen, 1 * DAY, b, 'accept', { note: '已受案登记' });

  // 3. 不予立案, 3 days ago: the enterprise may still ask for reconsideration.
  const c = await report(ent1, 6 * DAY, { category: 'misappropriation', title: '合作方拖欠货款', amountInvolved: 90_000, occurredOn: new Date(now.getTime() - 60 * DAY).toISOString().slice(0, 10), content: '合作方收货后以资金紧张为由拖欠货款，至今未付。' });
  await act(han, 6 * DAY - HOUR, c, 'accept');
  await act(han, 3 * DAY, c, 'answer', { decision: 'not-file', note: '经审查，系双方买卖合同履行中的民事纠纷，没有犯罪事实，不予立案。可通过民事诉讼途径解决。' });

  // 4. 待受案: a trade-secret report of this morning, routed to 食药环知.
  await report(ent2, 2 * HOUR, { category: 'trade-secret', title: '离职技术员涉嫌泄露核心配方', amountInvolved: 2_000_000, occurredOn: new Date(now.getTime() - 20 * DAY).toISOString().slice(0, 10), content: '离职技术员入职竞争对手后，对方推出与我公司核心配方高度相似的产品。', suspects: '原技术员 孙某' });

  // 5. 移送审查起诉, with its losses recovered.
  const e = await report(ent2, 70 * DAY, fraud('虚假订单骗取智能设备', { amountInvolved: 860_000, occurredOn: new Date(now.getTime() - 75 * DAY).toISOString().slice(0, 10) }));
  await act(chen, 70 * DAY - HOUR, e, 'accept', { verification: true });
  await act(chen, 66 * DAY, e, 'answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
  await recordStage(at(65 * DAY), chen, e, { stage: 'investigating' }, IP);
  await recordRecovery(at(40 * DAY), chen, e, { kind: 'recovered', amount: 610_000, on: new Date(now.getTime() - 40 * DAY).toISOString().slice(0, 10), note: '追回设备折价' }, IP);
  await recordStage(at(20 * DAY), chen, e, { stage: 'prosecution', note: '侦查终结，移送检察院审查起诉' }, IP);

  // 6. 结案 and 7. 撤案.
  const f = await report(ent1, 120 * DAY, { category: 'bill-fraud', title: '伪造银行承兑汇票支付货款', amountInvolved: 500_000, occurredOn: new Date(now.getTime() - 125 * DAY).toISOString().slice(0, 10), content: '对方以伪造的银行承兑汇票支付货款，银行兑付时发现系伪造。' });
  await act(chen, 120 * DAY - HOUR, f, 'accept');
  await act(chen, 118 * DAY, f, 'answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
  await recordStage(at(117 * DAY), chen, f, { stage: 'investigating' }, IP);
  await recordRecovery(at(90 * DAY), chen, f, { kind: 'recovered', amount: 500_000, on: new Date(now.getTime() - 90 * DAY).toISOString().slice(0, 10) }, IP);
  await recordStage(at(60 * DAY), chen, f, { stage: 'prosecution' }, IP);
  await recordStage(at(10 * DAY), chen, f, { stage: 'concluded', note: '法院已判决' }, IP);
  const g = await report(ent2, 50 * DAY, { category: 'commercial-bribery', title: '采购人员收受供应商回扣', amountInvolved: 120_000, occurredOn: new Date(now.getTime() - 80 * DAY).toISOString().slice(0, 10), content: '内部审计发现采购人员收受供应商回扣。' });
  await act(han, 50 * DAY - HOUR, g, 'accept');
  await act(han, 48 * DAY, g, 'answer', { decision: 'file', note: '经审查，有犯罪事实需要追究刑事责任，决定立案侦查' });
  await recordStage(at(30 * DAY), han, g, { stage: 'withdrawn', note: '经侦查，涉案金额未达追诉标准，撤销案件' }, IP);

  // 联动处置 (M10): a wage protest at 齐鲁新材料 with two departments (one reported, one acknowledged but still
  // working), and an obstruction of works last week, closed once both had reported.
  const [li, shichang, renshe] = await Promise.all(['officer.zhangdian', 'partner.shichang', 'partner.renshe'].map(actor));
  const uscc = (await db.select({ uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, ent1.enterpriseId!)))[0]!.uscc;
  const local = (ms: number) => new Date(now.getTime() - ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
  const incident = async (ago: number, over: Record<string, unknown>) =>
    (await recordIncident(at(ago - 30 * 60_000), li, { data: { enterpriseUscc: uscc, receivedAt: local(ago), dispatchedAt: local(ago - 4 * 60_000), dispatchedUnitId: 'zhangdian-station-chezhan', ...over } }, IP)).id;
  const branch = async (who: UserActor, ago: number, id: string, action: string, fields: Record<string, unknown> = {}) => {
    const item = await current(id, who);
    const b = (item.branches as { id: string; unitId: string }[]).find((x) => x.unitId === who.unitId);
    return act(who, ago, id, action, { branchId: b!.id, ...fields });
  };
  const w = await incident(5 * HOUR, { category: 'labour-dispute', place: '张店区华光路 88 号厂区门口', arrivedAt: local(5 * HOUR - 15 * 60_000), summary: '数十名外包施工人员聚集讨要工资，堵塞厂区大门。' });
  await act(li, 4 * HOUR, w, 'open-branch', { toUnitId: 'partner-renshe', note: '请依法处理外包单位欠薪问题' });
  await act(li, 4 * HOUR, w, 'open-branch', { toUnitId: 'partner-shichang', note: '请核查外包单位经营资质' });
  await branch(shichang, 3.5 * HOUR, w, 'acknowledge-branch');
  await branch(shichang, 1 * HOUR, w, 'complete-branch', { note: '外包单位营业执照已吊销，已立案调查' });
  await branch(renshe, 3 * HOUR, w, 'acknowledge-branch', { note: '已派员到场' });
  const o = await incident(7 * DAY, { category: 'work-obstruction', place: '张店区新村西路在建厂房工地', summary: '村民以补偿款未到位为由阻挠施工。' });
  await act(li, 7 * DAY - HOUR, o, 'open-branch', { toUnitId: 'partner-zhujian', note: '请协调建设单位落实补偿' });
  await act(li, 7 * DAY - HOUR, o, 'open-branch', { toUnitId: 'partner-shichang', note: '请核查是否存在强迫交易' });
  await branch(await actor('partner.zhujian'), 6 * DAY, o, 'complete-branch', { note: '已协调建设单位与村民签订补偿协议' });
  await branch(shichang, 6 * DAY, o, 'complete-branch', { note: '未发现强迫交易行为' });
  await act(li, 6 * DAY - HOUR, o, 'answer', { note: '各联动部门均已反馈处理结果：人社部门已督促支付欠薪，市场监管部门已核查资质，现场秩序恢复' });
}
