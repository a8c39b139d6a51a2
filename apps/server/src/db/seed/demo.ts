import { randomUUID } from 'node:crypto';
import {
  createItem,
  districts,
  escalate,
  itemType,
  makeUscc,
  prng,
  shanghaiDate,
  transition,
  type Actor,
  type DistrictCode,
  type IndustryCode,
  type ItemAction,
  type ItemState,
  type Role,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { findUnitByRoute, findUserByUsername, insertEnterprise, insertUser } from '../../modules/accounts/repository.ts';
import { hashPassword } from '../../modules/accounts/passwords.ts';
import { calendarOf } from '../../modules/calendar/service.ts';
import { insertEvent, insertItem, nextItemNumber } from '../../modules/items/repository.ts';
import { items } from '../schema.ts';
import { insertPublication } from '../../modules/content/repository.ts';
import { searchTokens } from '../../modules/content/search-tokens.ts';
import { installRegistries } from '../../registries.ts';
import { eq, sql } from 'drizzle-orm';

/** Fixed demo credentials (SPEC §10): tests outside the project sign in with them. Never valid in production. */
export const DEMO_PASSWORD = 'Jqt#2026demo';
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXP';
const DEMO_ITEMS = 360;

/** Name, district and industry (GB/T 4754 门类) of the demo's enterprises. */
const enterpriseNames: [string, DistrictCode, IndustryCode][] = [
  ['淄博齐鲁新材料科技有限公司', 'zhangdian', 'C'],
  ['淄博博远智能装备有限公司', 'zhangdian', 'C'],
  ['淄博华光陶瓷科技文化有限公司', 'zhangdian', 'C'],
  ['山东淄川建筑陶瓷有限公司', 'zichuan', 'C'],
  ['淄博博山琉璃工艺品有限公司', 'boshan', 'C'],
  ['淄博临淄石化配套服务有限公司', 'linzi', 'M'],
  ['淄博周村古商城文旅发展有限公司', 'zhoucun', 'R'],
  ['桓台县金诚化工有限公司', 'huantai', 'C'],
  ['高青县黄河生态农业有限公司', 'gaoqing', 'A'],
  ['沂源县红苹果食品有限公司', 'yiyuan', 'C'],
];

interface DemoUser extends Actor {
  id: string;
  role: Role;
  username: string;
  displayName: string;
}

export async function seedDemo(ctx: AppContext): Promise<void> {
  // the demo files items through the services, whose outputs (certificates, pass codes) come from the registry
  installRegistries();
  const db = ctx.database.db;
  if (await findUserByUsername(db, 'admin')) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const enterpriseIds: { id: string; district: DistrictCode }[] = [];
  for (const [i, [name, district, industry]] of enterpriseNames.entries()) {
    const division = districts.find((d) => d.code === district)!.division;
    const id = randomUUID();
    await insertEnterprise(db, { id, uscc: makeUscc(20230616 + i, division), name, district, industry, address: `${districts.find((d) => d.code === district)!.zh}示范路 ${i + 1} 号` });
    enterpriseIds.push({ id, district });
  }

  const users = new Map<string, DemoUser>();
  const addUser = async (username: string, role: Role, displayName: string, opts: { unitId?: string; enterpriseId?: string } = {}) => {
    const u: DemoUser = { id: randomUUID(), role, username, displayName, unitId: opts.unitId ?? null, enterpriseId: opts.enterpriseId ?? null };
    await insertUser(db, {
      id: u.id,
      username,
      passwordHash,
      role,
      displayName,
      unitId: u.unitId,
      enterpriseId: u.enterpriseId,
      mobile: `1390533${String(users.size).padStart(4, '0')}`,
      totpSecret: ['officer', 'unit-leader', 'supervisor', 'admin'].includes(role) ? DEMO_TOTP_SECRET : null,
      isDemo: true,
    });
    users.set(username, u);
    return u;
  };
  await addUser('admin', 'admin', '平台管理员');
  await addUser('supervisor', 'supervisor', '警企联络办 督察员', { unitId: 'zb-liaison' });
  await addUser('officer.zhangdian', 'officer', '张店分局 李警官', { unitId: 'zhangdian-branch' });
  await addUser('leader.zhangdian', 'unit-leader', '张店分局 王局长', { unitId: 'zhangdian-branch' });
  await addUser('officer.jiaojing', 'officer', '交警支队 赵警官', { unitId: 'zb-traffic' });
  await addUser('officer.churujing', 'officer', '出入境管理支队 孙警官', { unitId: 'zb-exit-entry' });
  await addUser('partner.kejiju', 'partner', '市科技局 外专科', { unitId: 'partner-kejiju' });
  await addUser('ent.demo1', 'enterprise-admin', '齐鲁新材料 张经理', { enterpriseId: enterpriseIds[0].id });
  await addUser('ent.demo2', 'enterprise-admin', '博远智能 刘经理', { enterpriseId: enterpriseIds[1].id });
  for (const [i, e] of enterpriseIds.entries()) if (i >= 2) await addUser(`ent.demo${i + 1}`, 'enterprise-admin', `${enterpriseNames[i][0].slice(0, 6)} 联系人`, { enterpriseId: e.id });
  for (const d of districts) {
    if (d.code === 'zhangdian') continue;
    await addUser(`officer.${d.code}`, 'officer', `${d.zh} 值班民警`, { unitId: `${d.code}-branch` });
    await addUser(`leader.${d.code}`, 'unit-leader', `${d.zh} 负责人`, { unitId: `${d.code}-branch` });
  }
  await addUser('officer.ducha', 'officer', '督察支队 周警官', { unitId: 'zb-inspection' });
  await addUser('leader.ducha', 'unit-leader', '督察支队 吴支队长', { unitId: 'zb-inspection' });
  // The unit tree (issue 13): the city bureau's leader oversees the whole city; 车站派出所 sits under 张店分局.
  await addUser('leader.city', 'unit-leader', '淄博市公安局 陈副局长', { unitId: 'zb-city' });
  await addUser('officer.chezhan', 'officer', '车站派出所 高警官', { unitId: 'zhangdian-station-chezhan' });
  await addUser('leader.chezhan', 'unit-leader', '车站派出所 孟所长', { unitId: 'zhangdian-station-chezhan' });

  // The admin's sensitive-word list (issue 13), version 1: answers are checked against it before they go out.
  await (await import('../../modules/text-checks/service.ts')).seedWordList(db, ['内部掌握', '内部资料', '绝密', '机密', '领导批示', '打招呼', '托关系'], ctx.now());
  await seedDemoItems(ctx, [...users.values()], enterpriseIds);
  await seedDemoPublications(ctx, users.get('supervisor')!.id);
  await (await import('./demo-applications.ts')).seedDemoApplications(ctx);
  await (await import('./demo-traffic.ts')).seedDemoTraffic(ctx);
  await (await import('./demo-liaison.ts')).seedDemoLiaison(ctx);
  await (await import('./demo-cases.ts')).seedDemoCases(ctx);
  await (await import('./demo-prevention.ts')).seedDemoPrevention(ctx);
  await (await import('./demo-disputes.ts')).seedDemoDisputes(ctx);
  await (await import('./demo-open-lectures.ts')).seedDemoOpenLectures(ctx);
  await (await import('./demo-review.ts')).seedDemoReview(ctx);
  await (await import('./demo-cyber.ts')).seedDemoCyber(ctx);
  await settleDemoNotices(ctx);
}

/**
 * The demo's notices were made with the clock moved back, module by module, so their ids do not follow their time
 * as a live system's do (the list is newest first by id): renumber them in time order. Notices older than two days
 * are read, as a user who signs in daily would have left them.
 */
async function settleDemoNotices(ctx: AppContext) {
  const db = ctx.database.db;
  const twoDaysAgo = new Date(ctx.now().getTime() - 2 * 86400_000);
  await db.execute(sql`
    update notifications n set id = o.next from (
      select id, (select coalesce(max(id), 0) from notifications) + row_number() over (order by created_at, id) as next from notifications
    ) o where n.id = o.id`);
  await db.execute(sql`select setval(pg_get_serial_sequence('notifications', 'id'), (select coalesce(max(id), 1) from notifications))`);
  await db.execute(sql`update notifications set read_at = created_at + interval '1 hour' where read_at is null and created_at < ${twoDaysAgo}`);
}

const demoPublications: { kind: 'policy' | 'bulletin' | 'warning'; title: string; summary: string; body: string }[] = [
  { kind: 'policy', title: '人才落户“绿色通道”办理指南', summary: '驻淄高校非淄博籍学生、非驻淄高校在校生、高层次人才三类通道', body: '全市公安机关户籍窗口设立人才落户服务专员，开辟驻淄高等院校非淄博籍学生落户“绿色通道”、非驻淄高等院校在校生落户“网办通道”以及高层次人才落户“专享通道”。' },
  { kind: 'policy', title: '外籍人才来淄“联办窗口”', summary: '工作许可与居留许可同步审批，5 个工作日内同时领取两证', body: '外籍人才从科技局网上申请工作许可预审通过后，到市政务服务中心公安“联办窗口”提交居留许可申请材料，市科技局和市公安局同步审批制作证件，5个工作日内申请人可直接到“联办窗口”同时领取两本证件。' },
  { kind: 'policy', title: '居住证办理“零跑腿”', summary: '企业协管人员统一代办，派出所集中制证、送证上门', body: '对有集中申办居住证需求的企业，由企业协管人员统一代办，派出所集中制证、送证上门，实现企业用工人员居住证办理“零跑腿”。' },
  { kind: 'policy', title: '货车通行码即时核发', summary: '临时通行码网上即时核发，短期、长期通行码 1 个工作日内审核', body: '优化货车通行管理，临时通行码网上申请即时核发，短期、长期通行码 1 个工作日内完成审核；运输企业新购车辆 5 台以上的可申请就近批量上线查验。' },
  { kind: 'policy', title: '大件运输许可提速', summary: '省内当日完成审核，跨省 3 个工作日内完成', body: '大件运输许可省内申请当日完成审核，跨省申请 3 个工作日内完成审核；占用挖掘道路、跨越穿越道路架设管线等审批 3 个工作日内办结。' },
  { kind: 'bulletin', title: '临淄分局破获一起职务侵占案', summary: '为企业挽回损失八十余万元', body: '临淄分局经侦大队近日破获一起企业员工利用职务便利侵占公司财物案件，为企业挽回经济损失八十余万元。' },
  { kind: 'bulletin', title: '张店分局打掉一个盗窃电缆团伙', summary: '抓获犯罪嫌疑人五名，涉案工地十余处', body: '张店分局根据企业报案线索，打掉一个流窜多地盗窃工地电缆的犯罪团伙，抓获犯罪嫌疑人五名，涉及在建工地十余处。' },
  { kind: 'bulletin', title: '周村分局侦破一起合同诈骗案', summary: '犯罪嫌疑人以虚假订单骗取企业货物', body: '周村分局侦破一起以虚假订单骗取企业货物的合同诈骗案，追回货物价值一百二十万元，提醒企业核实交易对象资质。' },
  { kind: 'warning', title: '警惕冒充领导的电信诈骗', summary: '财务人员转账前务必电话核实', body: '近期多家企业财务人员遭遇冒充公司领导添加社交账号要求转账的诈骗，请企业财务人员转账前务必当面或电话核实。' },
  { kind: 'warning', title: '防范虚假招投标诈骗', summary: '不向陌生账户缴纳保证金', body: '不法分子冒充招标单位发布虚假招标信息，诱骗企业缴纳投标保证金，请通过官方渠道核实招标信息。' },
];

async function seedDemoPublications(ctx: AppContext, supervisorId: string) {
  const now = ctx.now();
  for (const [i, p] of demoPublications.entries()) {
    const at = new Date(now.getTime() - (i + 1) * 3 * 86400_000);
    await insertPublication(ctx.database.db, {
      id: randomUUID(),
      ...p,
      status: 'published',
      authorId: supervisorId,
      unitId: 'zb-liaison',
      publishedBy: supervisorId,
      publishedAt: at,
      createdAt: at,
      searchTokens: searchTokens(`${p.title} ${p.summary} ${p.body}`).join(' '),
    });
  }
}

/** Lifecycle paths of demo items; `rate-bad` and `supervise-listed` are variants of rate and supervise. */
type Step = ItemAction | 'rate-bad' | 'supervise-listed';
const plans: Step[][] = [
  [],
  ['refuse'],
  ['accept'],
  ['accept', 'assign'],
  ['accept', 'request-supplement'],
  ['accept', 'request-supplement', 'resume'],
  ['accept', 'answer'],
  ['accept', 'assign', 'answer', 'rate'],
  ['accept', 'answer', 'rate', 'close'],
  ['accept', 'request-supplement', 'resume', 'answer', 'rate', 'close'],
  ['accept', 'extend', 'approve-extension'],
  ['accept', 'answer', 'rate-bad', 'reopen'],
  ['supervise', 'accept'],
  ['accept', 'supervise-listed'],
];
const weights = [10, 3, 6, 8, 5, 4, 7, 8, 30, 6, 3, 3, 3, 3];

async function seedDemoItems(ctx: AppContext, users: DemoUser[], enterprises: { id: string; district: DistrictCode }[]) {
  const db = ctx.database.db;
  const rand = prng(34);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const cal = await calendarOf(ctx);
  const now = ctx.now();
  const byUnit = (unitId: string, role: Role) => users.find((u) => u.unitId === unitId && u.role === role);
  const supervisor = users.find((u) => u.role === 'supervisor')!;
  const types = ['appeal', 'appeal', 'appeal', 'public-order-complaint', 'petition', 'conduct-complaint'];
  const samples: Record<string, Record<string, unknown>[]> = {
    appeal: [
      { category: 'policy', title: '咨询外籍技术人员居留许可办理时限', content: '公司拟聘用两名德国工程师，想了解工作许可和居留许可能否同时办理。' },
      { category: 'guidance', title: '批量办理员工居住证的材料要求', content: '新入职外地员工约 80 人，希望了解集中代办居住证需要准备哪些材料。' },
      { category: 'difficulty', title: '厂区周边道路货车通行受限影响发货', content: '我司物流车辆白天进入限行区域受限，请求协调通行码办理。' },
      { category: 'other', title: '希望安排安全防范宣讲', content: '年底前希望公安机关到企业开展防范电信诈骗宣讲。' },
    ],
    'public-order-complaint': [
      { problem: 'obstruction', location: '厂区东门施工现场', content: '有人员多次到施工现场阻工，要求承揽土方工程。' },
      { problem: 'theft', location: '仓库后院', content: '近两周仓库电缆多次被盗，损失约两万元。' },
    ],
    petition: [{ title: '反映案件办理进度', content: '我司被合同诈骗一案报案已三个月，希望了解办理进度。' }],
    'conduct-complaint': [{ subject: '某派出所窗口', content: '窗口工作人员办理业务时态度生硬，未一次性告知所需材料。' }],
  };
  const contact = { contactName: '企业联系人', contactPhone: '13905331234' };

  for (let i = 0; i < DEMO_ITEMS; i++) {
    const typeCode = pick(types);
    const type = itemType(typeCode)!;
    // Most demo items belong to 张店 enterprises, so the demo officer's queue is full.
    const enterprise = rand() < 0.6 ? enterprises[Math.floor(rand() * 3)] : pick(enterprises);
    const anonymous = typeCode === 'conduct-complaint' && rand() < 0.5;
    const submitter = users.find((u) => u.enterpriseId === enterprise.id)!;
    const target = type.route({ data: {}, enterpriseDistrict: enterprise.district });
    const routed = await findUnitByRoute(db, target.unitType, target.district ?? null);
    // Every sixth 张店 item is handled by 车站派出所 under 张店分局, so its leader sees a station's work (issue 13).
    const unit = routed?.id === 'zhangdian-branch' && i % 6 === 1 ? { ...routed, id: 'zhangdian-station-chezhan' } : routed;
    if (!unit) continue;
    const officer = byUnit(unit.id, 'officer');
    const leader = byUnit(unit.id, 'unit-leader');
    if (!officer || !leader) continue;
    let r = rand() * weights.reduce((a, b) => a + b, 0);
    let plan = plans[0];
    for (const [k, w] of weights.entries()) {
      if ((r -= w) <= 0) {
        plan = plans[k];
        break;
      }
    }
    // Items still open are mostly recent, as in a unit that keeps up; a few old ones show as overdue.
    const open = !plan.some((s) => s === 'answer' || s === 'refuse');
    const ageDays = open && rand() < 0.85 ? rand() * 6 : rand() * 75;
    let at = new Date(now.getTime() - ageDays * 86400_000);
    const data = { ...pick(samples[typeCode]), ...contact };
    let state: ItemState = createItem({
      id: randomUUID(),
      type,
      data,
      submitterId: anonymous ? null : submitter.id,
      enterpriseId: anonymous ? null : enterprise.id,
      unitId: unit.id,
      now: at,
      calendar: cal,
    });
    const number = await nextItemNumber(db, `JQ${shanghaiDate(at).replace(/-/g, '')}`);
    const events: Parameters<typeof insertEvent>[1][] = [
      { itemId: state.id, at, actorId: anonymous ? null : submitter.id, actorName: anonymous ? '公众' : submitter.displayName, actorRole: anonymous ? 'public' : submitter.role, action: 'submit', fromStatus: null, toStatus: 'submitted', note: null, detail: { unitId: unit.id } },
    ];
    for (const step of plan) {
      const next = new Date(at.getTime() + (2 + rand() * 40) * 3600_000);
      if (next > now) break;
      at = next;
      let action = step as ItemAction;
      let fields: Record<string, unknown> = {};
      let actor: DemoUser = officer;
      switch (step) {
        case 'accept':
          fields = typeCode === 'conduct-complaint' ? { major: rand() < 0.3 } : {};
          break;
        case 'refuse':
          fields = { note: '不属于公安机关职责范围，已告知向市场监管部门反映' };
          break;
        case 'assign':
          actor = leader;
          fields = { assigneeId: officer.id };
          break;
        case 'request-supplement':
          fields = { note: '请补充营业执照副本和相关合同复印件' };
          break;
        case 'resume':
          if (anonymous) continue;
          actor = submitter;
          fields = { note: '已上传补充材料' };
          break;
        case 'answer':
          // An answer that passes the answer checks (issue 13): it names what was asked.
          fields = { note: `经核查，关于“${String((data as Record<string, unknown>).title ?? (data as Record<string, unknown>).location ?? (data as Record<string, unknown>).subject ?? '')}”一事已按规定办理完毕，具体情况已电话告知企业联系人。` };
          break;
        case 'rate':
        case 'rate-bad':
          if (anonymous) continue;
          actor = submitter;
          action = 'rate';
          fields = { rating: step === 'rate-bad' || rand() < 0.08 ? 'dissatisfied' : rand() < 0.8 ? 'satisfied' : 'basically-satisfied', note: '' };
          break;
        case 'close':
          break;
        case 'reopen':
          if (anonymous || !state.rating?.bad) continue;
          actor = submitter;
          fields = { note: '问题仍未解决，请重新处理' };
          break;
        case 'extend':
          fields = { days: 3, note: '需协调相关部门共同核查' };
          break;
        case 'approve-extension':
          actor = leader;
          break;
        case 'supervise':
        case 'supervise-listed':
          actor = supervisor;
          action = 'supervise';
          fields = { note: '请按期办结并报告结果', listed: step === 'supervise-listed' };
          break;
        default:
          break; // the demo plans use no other action; one would run with no fields, by the officer
      }
      try {
        const res = transition(state, action, fields, { actor, now: at, calendar: cal, type, newId: randomUUID });
        state = res.next;
        events.push({ itemId: state.id, at, actorId: actor.id, actorName: actor.displayName, actorRole: actor.role, action, fromStatus: res.event.fromStatus, toStatus: res.event.toStatus, note: res.event.note, detail: res.event.detail });
      } catch {
        break;
      }
    }
    await insertItem(db, state, number, cal, null);
    // Escalations the demo's past already passed are marked sent, so a first start does not flood everyone.
    const esc = escalate(state, cal, now);
    await db.update(items).set({ escalationStage: esc.stage, nextEscalationAt: esc.nextAt, supervision: esc.supervision }).where(eq(items.id, state.id));
    for (const e of events) await insertEvent(db, e);
  }
}
