import { randomUUID } from 'node:crypto';
import { DAY_MS, addDays, makeVin, prng, shanghaiDate } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUserByUsername, insertUser } from '../../modules/accounts/repository.ts';
import { calendarOf } from '../../modules/calendar/service.ts';
import { submitItem, transitionItem } from '../../modules/items/service.ts';
import { recordAccident } from '../../modules/traffic/accidents.ts';
import { recordHazardInspection, recordRectification } from '../../modules/traffic/hazards.ts';
import { revokePassCode } from '../../modules/traffic/pass-codes.ts';
import { demoActor } from './demo-support.ts';

const HOUR = 3_600_000;
const IP = '127.0.0.1';

/**
 * Demo traffic data (M7–M9), made through the services a user would call, each at its own moment in the demo's past
 * (a context whose clock says so): pass codes in every state, NEV filings, freight accidents over six months, hazard
 * inspections (one overdue), TIA screenings of both results (one survey booked) and batch inspections (one booked).
 * Needs the demo's users (ent.demo1…, officer.jiaojing); adds the vehicle office's officer.cheguansuo.
 */
export async function seedDemoTraffic(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const cal = await calendarOf(ctx);
  const today = shanghaiDate(now);
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });
  const dayOf = (ms: number) => shanghaiDate(new Date(now.getTime() - ms));

  const actor = (username: string) => demoActor(db, username);
  const jiaojing = await actor('officer.jiaojing');
  // The vehicle administration office schedules batch inspections; it gets a demo officer like the detachment's.
  const template = (await findUserByUsername(db, 'officer.jiaojing'))!;
  await insertUser(db, {
    id: randomUUID(),
    username: 'officer.cheguansuo',
    passwordHash: template.passwordHash,
    role: 'officer',
    displayName: '车辆管理所 钱警官',
    unitId: 'zb-vehicle-admin',
    enterpriseId: null,
    mobile: '13905339901',
    totpSecret: template.totpSecret,
    isDemo: true,
  });
  const cheguansuo = await actor('officer.cheguansuo');
  const ent1 = await actor('ent.demo1');
  const ent2 = await actor('ent.demo2');

  const submit = async (who: UserActor, ago: number, type: string, data: Record<string, unknown>) => (await submitItem(at(ago), who, { type, data, ip: IP })).item;
  const step = async (who: UserActor, ago: number, item: { id: string; version: number }, action: 'accept' | 'answer', fields: Record<string, unknown> = {}) =>
    transitionItem(at(ago), who, item.id, { action, version: item.version, fields, ip: IP });
  const contact = { contactName: '李调度', contactPhone: '13905331288' };
  const truck = { newEnergy: false, totalMassKg: 18000, lengthMm: 9600, body: 'box', ...contact };

  // 货车通行码: valid temporary, expired temporary, revoked temporary, approved short-term, long-term under review.
  await submit(ent1, 1 * HOUR, 'truck-pass', { kind: 'temporary', plate: '鲁C5K218', ...truck, validFrom: dayOf(HOUR), validTo: addDays(dayOf(HOUR), 2), roadClasses: 'ordinary', roadIds: 'zd-liuquan-rd,zd-renmin-rd', reason: '向市区商超配送陶瓷制品' });
  await submit(ent1, 20 * DAY_MS, 'truck-pass', { kind: 'temporary', plate: '鲁C7H331', ...truck, validFrom: dayOf(20 * DAY_MS), validTo: addDays(dayOf(20 * DAY_MS), 2), roadClasses: 'ordinary', roadIds: '', reason: '展会布展运输' });
  const revoked = await submit(ent2, 2 * DAY_MS, 'truck-pass', { kind: 'temporary', plate: '鲁C9B706', ...truck, validFrom: dayOf(2 * DAY_MS), validTo: addDays(dayOf(2 * DAY_MS), 5), roadClasses: 'ordinary', roadIds: 'zd-gongqingtuan-rd', reason: '设备进厂运输' });
  const revokedCode = (revoked.outputs as { passCodes: { id: string }[] }).passCodes[0];
  await revokePassCode(at(1 * DAY_MS), jiaojing, revokedCode.id, '车辆超载被查处，注销该通行码', IP);
  let item = await submit(ent2, 12 * DAY_MS, 'truck-pass', { kind: 'short-term', plate: '鲁C2D519', ...truck, validFrom: addDays(dayOf(12 * DAY_MS), 1), validTo: addDays(dayOf(12 * DAY_MS), 60), roadClasses: 'all', roadIds: '', reason: '智能装备整机配送，需经北京路快速路段' });
  item = await step(jiaojing, 12 * DAY_MS - 2 * HOUR, item, 'accept');
  await step(jiaojing, 12 * DAY_MS - 4 * HOUR, item, 'answer', { note: '审核通过，核发短期通行码，请按核定路线和时段通行。' });
  item = await submit(ent1, 3 * HOUR, 'truck-pass', { kind: 'long-term', plate: '鲁C8F002', ...truck, validFrom: addDays(today, 1), validTo: addDays(today, 300), roadClasses: 'ordinary', roadIds: '', reason: '长期承担园区原材料运输' });
  await step(jiaojing, 1 * HOUR, item, 'accept', { note: '审核中' });

  // 新能源专用车备案: two approved (the checker lets them through, SPEC §5 rule 3), one pending.
  const filing = (plate: string, use: string, roadIds: string, timeWindows: string, ago: number) => ({ plate, use, roadIds, timeWindows, validFrom: dayOf(ago), validTo: addDays(dayOf(ago), 180), ...contact });
  for (const [plate, use, roads, windows, ago] of [
    ['鲁CD12388', 'sanitation', 'zd-renmin-rd,zd-liuquan-rd', '05:00-09:00,17:00-22:00', 15 * DAY_MS],
    ['鲁CF66021', 'muck', 'zd-jinjing-ave,zd-beijing-rd', '22:00-05:00', 9 * DAY_MS],
  ] as const) {
    item = await submit(ent1, ago, 'nev-special-filing', filing(plate, use, roads, windows, ago));
    item = await step(jiaojing, ago - 3 * HOUR, item, 'accept');
    await step(jiaojing, ago - 26 * HOUR, item, 'answer', { note: '准予备案，请按备案路线和时段通行，备案信息变更时及时报备。' });
  }
  await submit(ent2, 4 * HOUR, 'nev-special-filing', filing('鲁CD30517', 'concrete', 'zd-gongqingtuan-rd', '21:00-23:30', 4 * HOUR));

  // 交通影响评价初筛: one needing an assessment (answered), one expert survey booked, one just submitted.
  const project = (projectName: string, location: string, projectKind: string, buildingAreaM2: number, parkingSpaces: number, peakHourTrips: number) => ({
    projectName,
    location,
    projectKind,
    buildingAreaM2,
    parkingSpaces,
    peakHourTrips,
    contactName: '孙工',
    contactPhone: '13605332277',
  });
  item = await submit(ent1, 25 * DAY_MS, 'tia-screening', project('齐鲁新材料产业园二期', '张店区华光路与新村路交叉口东北角', 'industrial', 86_000, 620, 1_150));
  item = await step(jiaojing, 25 * DAY_MS - 3 * HOUR, item, 'accept');
  await step(jiaojing, 22 * DAY_MS, item, 'answer', { note: '项目达到交通影响评价启动阈值，请委托有资质的单位编制交通影响评价报告。' });
  item = await submit(ent2, 6 * DAY_MS, 'tia-screening', project('博远智能装备研发楼', '张店区人民东路 66 号院内', 'commercial', 12_500, 90, 160));
  item = await step(jiaojing, 6 * DAY_MS - 2 * HOUR, item, 'accept');
  await step(jiaojing, 1 * DAY_MS, item, 'answer', {
    note: '项目未达到交通影响评价启动阈值，组织专家现场踏勘，请项目负责人到场。',
    surveyDate: cal.addWorkdays(today, 3),
    surveyTime: '09:30',
    surveyPlace: '项目现场东门',
  });
  await submit(ent1, 3 * HOUR, 'tia-screening', project('华光陶瓷文化展示中心', '张店区共青团路 18 号', 'public', 8_600, 60, 120));

  // 批量新车上线查验: one booked by the vehicle office, one accepted and being scheduled.
  const vehicles = (seed: number, model: string) => Array.from({ length: 6 }, (_, i) => ({ vin: makeVin(seed + i * 7919), model }));
  item = await submit(ent2, 4 * DAY_MS, 'batch-inspection', {
    business: 'freight',
    vehicles: vehicles(2_026_11, '纯电动厢式运输车'),
    preferredStation: 'zhangdian-east',
    preferredDate: addDays(today, 5),
    ...contact,
  });
  item = await step(cheguansuo, 4 * DAY_MS - 2 * HOUR, item, 'accept');
  await step(cheguansuo, 1 * DAY_MS, item, 'answer', {
    note: '已安排集中上线查验，请携带购车发票、合格证，车辆按时到站。',
    inspectionStation: 'zhangdian-east',
    inspectionDate: cal.addWorkdays(today, 4),
    inspectionSlot: '08:30-10:30',
  });
  item = await submit(ent1, 5 * HOUR, 'batch-inspection', { business: 'bus', vehicles: vehicles(2_026_12, '纯电动城市客车'), preferredStation: 'zhangdian-north', preferredDate: addDays(today, 10), ...contact });
  await step(cheguansuo, 1 * HOUR, item, 'accept');

  // M7 货车事故快处: six months of freight accidents, most by the simple procedure (no detention).
  const rand = prng(7);
  const letters = 'ABDEFGHJKLMN';
  for (let i = 0; i < 36; i++) {
    const occurred = new Date(now.getTime() - (2 + rand() * 178) * DAY_MS);
    const simple = rand() < 0.85;
    const minutes = simple ? 10 + Math.round(rand() * 45) : 90 + Math.round(rand() * 240);
    const released = new Date(occurred.getTime() + minutes * 60_000);
    await recordAccident({ ...ctx, now: () => new Date(released.getTime() + 10 * 60_000) }, jiaojing, {
      plate: `鲁C${letters[i % letters.length]}${String(1000 + Math.floor(rand() * 9000))}`,
      occurredAt: occurred.toISOString(),
      releasedAt: released.toISOString(),
      simpleProcedure: simple,
      vehicleDetained: !simple && rand() < 0.3,
      note: simple ? '简易程序快处，未扣车、未扣证' : '一般程序，核实信息、固定证据后放行',
    }, IP);
  }

  // M9 重大项目周边交通安全隐患排查: rectified, overdue, open, and clean inspections.
  const hazard = async (ago: number, project: string, location: string, findings: string, hazardCount: number, dueInDays: number | null) =>
    recordHazardInspection(at(ago), jiaojing, { project, location, inspectedOn: dayOf(ago), findings, hazardCount, rectificationDueOn: dueInDays === null ? null : addDays(dayOf(ago), dueInDays) }, IP);
  const done1 = await hazard(60 * DAY_MS, '齐鲁新材料产业园二期', '华光路施工路段', '施工围挡占用非机动车道，夜间警示灯缺失，出入口视距不足', 3, 30);
  await recordRectification(at(32 * DAY_MS), jiaojing, done1.id, '已恢复非机动车道，补设警示灯和凸面镜', IP);
  const done2 = await hazard(40 * DAY_MS, '淄博高新区智能制造园', '鲁泰大道辅路', '渣土车出场未冲洗，路面污染；临时交通标志缺失；限速标志被遮挡；施工便道无照明', 4, 20);
  await recordRectification(at(22 * DAY_MS), jiaojing, done2.id, '已设置洗车平台和临时标志，增设照明', IP);
  await hazard(20 * DAY_MS, '张店东站综合交通枢纽', '人民东路东延段', '施工车辆占道停放；导向标线不清', 2, 15);
  await hazard(7 * DAY_MS, '博远智能装备研发楼', '人民东路 66 号院出入口', '出入口缺少减速让行标志', 1, 17);
  await hazard(3 * DAY_MS, '华光陶瓷文化展示中心', '共青团路', '未发现交通安全隐患', 0, null);
}
