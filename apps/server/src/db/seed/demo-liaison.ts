import { randomUUID } from 'node:crypto';
import { DAY_MS, addDays, districts, makeUscc, shanghaiDate } from '@jqt/domain';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUserByUsername, insertEnterprise, insertUser } from '../../modules/accounts/repository.ts';
import { bookCentre, createCentre } from '../../modules/liaison/centres.ts';
import { assign, createProject, setEnterpriseProfile } from '../../modules/liaison/service.ts';
import { confirmVisit, logVisit } from '../../modules/liaison/visits.ts';
import { enterprises } from '../schema.ts';
import { demoActor } from './demo-support.ts';

const IP = '127.0.0.1';

/** Key enterprises the liaison office has not marked yet: the browser test marks 鲁中精细化工 and assigns it. */
export const liaisonDemoEnterprises = [
  { name: '淄博鲁中精细化工有限公司', district: 'zhangdian', seq: 20231101, industry: 'C' },
  { name: '淄博张店老字号酱园有限公司', district: 'zhangdian', seq: 20231102, industry: 'C' },
  { name: '山东淄川耐火材料集团有限公司', district: 'zichuan', seq: 20231103, industry: 'C' },
] as const;

/**
 * Demo data for 警企联络 (M1), made through the services the office, the officers and the enterprises call, each at
 * its own moment in the demo's past: in 张店 three key enterprises with officers (one never visited, one last visited
 * 45 days ago), a major project, visits whose problems were solved or became appeals (one confirmed by the
 * enterprise), a second officer and a service centre with a booking; in 淄川 a key enterprise still without an officer.
 * Needs the demo's users (supervisor, officer.zhangdian, leader.zhangdian, ent.demo1, ent.demo2).
 */
export async function seedDemoLiaison(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ms) });
  const dayOf = (ms: number) => shanghaiDate(new Date(now.getTime() - ms));
  const actor = (username: string) => demoActor(db, username);

  // A second 张店 officer: the deputy of one enterprise, the officer of another and the service centre's staff.
  const template = (await findUserByUsername(db, 'officer.zhangdian'))!;
  await insertUser(db, {
    id: randomUUID(),
    username: 'officer.zhangdian2',
    passwordHash: template.passwordHash,
    role: 'officer',
    displayName: '张店分局 刘警官',
    unitId: 'zhangdian-branch',
    enterpriseId: null,
    mobile: '13905339902',
    totpSecret: template.totpSecret,
    isDemo: true,
  });
  const office = await actor('supervisor');
  const li = await actor('officer.zhangdian');
  const liu = await actor('officer.zhangdian2');
  const ent1 = await actor('ent.demo1');
  const ent2 = await actor('ent.demo2');

  const extra: Record<string, string> = {};
  for (const e of liaisonDemoEnterprises) {
    const d = districts.find((x) => x.code === e.district)!;
    const id = randomUUID();
    await insertEnterprise(db, { id, uscc: makeUscc(e.seq, d.division), name: e.name, district: e.district, industry: e.industry, address: `${d.zh}工业园区 ${e.seq % 100} 号` });
    extra[e.name] = id;
  }
  const ent1Id = ent1.enterpriseId!;
  const ent2Id = ent2.enterpriseId!;
  const [{ id: huaguang }] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.name, '淄博华光陶瓷科技文化有限公司'));

  const ago60 = at(60 * DAY_MS);
  await setEnterpriseProfile(ago60, office, ent1Id, { key: true, tags: ['high-tech', 'above-scale', 'major-project'] }, IP);
  await setEnterpriseProfile(ago60, office, ent2Id, { key: true, tags: ['above-scale'] }, IP);
  await setEnterpriseProfile(ago60, office, huaguang, { key: true, tags: ['time-honored', 'good-quality-shandong'] }, IP);
  await setEnterpriseProfile(ago60, office, extra['山东淄川耐火材料集团有限公司']!, { key: true, tags: ['above-scale'] }, IP);

  // 一企一警: 李警官 first held 博远智能 and handed it to 刘警官 (history kept), and holds 齐鲁新材料 and 华光陶瓷.
  await assign(ago60, office, { enterpriseId: ent1Id, officerId: li.id, reason: '首批“一企一警”结对' }, IP);
  await assign(ago60, office, { enterpriseId: ent2Id, officerId: li.id, reason: '首批“一企一警”结对' }, IP);
  await assign(at(50 * DAY_MS), office, { enterpriseId: ent2Id, officerId: liu.id, deputyId: li.id, reason: '李警官结对企业较多，调整由刘警官联络' }, IP);
  await assign(at(40 * DAY_MS), office, { enterpriseId: huaguang, officerId: li.id, reason: '老字号企业重点联系' }, IP);

  const project = await createProject(
    at(55 * DAY_MS),
    office,
    { name: '齐鲁新材料年产 5 万吨高性能树脂项目', enterpriseId: ent1Id, district: 'zhangdian', address: '张店区经济开发区新材料产业园 9 号', stage: 'construction', startOn: dayOf(120 * DAY_MS), endOn: addDays(dayOf(0), 400) },
    IP,
  );
  await assign(at(55 * DAY_MS), office, { projectId: project.id, officerId: li.id, reason: '重大项目专人联络' }, IP);

  const centre = await createCentre(
    at(58 * DAY_MS),
    office,
    {
      name: '张店经济开发区驻企服务中心',
      park: '张店经济开发区',
      district: 'zhangdian',
      address: '张店区华光路 366 号开发区管委会一楼',
      hours: '工作日 9:00–12:00，13:30–17:30',
      phone: '0533-2186110',
      services: ['户籍、居住证咨询', '出入境证件咨询', '货车通行码指导', '涉企警情受理', '安全防范宣传'],
      staffIds: [liu.id],
    },
    IP,
  );

  const visit = (who: UserActor, ago: number, enterpriseId: string, record: Record<string, unknown>) =>
    logVisit(at(ago), who, { enterpriseId, date: dayOf(ago), pledge: true, ...record }, IP);
  const contact = { contactName: '张经理', contactPhone: '13905331234' };

  const first = await visit(li, 45 * DAY_MS, ent1Id, {
    way: 'on-site',
    met: '张经理（综合办公室主任）',
    summary: '首次上门走访，了解企业用工和物流情况，宣传涉企服务措施。',
    problems: [{ text: '新招聘外地员工 30 余人需办理居住证', outcome: 'solved', resolution: '现场讲解企业集中代办居住证流程，留下派出所联系方式' }],
  });
  await confirmVisit(at(44 * DAY_MS), ent1, first.id, { verdict: 'confirmed' }, IP);
  await visit(li, 6 * DAY_MS, ent1Id, {
    way: 'phone',
    met: '张经理（综合办公室主任）',
    summary: '电话回访项目建设期间周边治安情况。',
    problems: [
      { text: '夜间施工材料堆放区照明不足，担心被盗', outcome: 'solved', resolution: '已协调辖区派出所将项目工地纳入夜间巡逻路线' },
      {
        text: '项目工地周边有人员阻工，要求承揽土方工程',
        outcome: 'item',
        item: { type: 'public-order-complaint', data: { problem: 'obstruction', location: '新材料产业园 9 号项目工地东门', content: '近一周有社会人员多次到工地阻挠施工，要求承揽土方工程，影响项目进度。', ...contact } },
      },
    ],
  });
  await visit(liu, 45 * DAY_MS, ent2Id, {
    way: 'service-centre',
    centreId: centre.id,
    met: '刘经理（行政部）',
    summary: '企业到驻企服务中心咨询外籍工程师来淄工作手续。',
    problems: [{ text: '拟聘两名外籍工程师，需了解工作许可与居留许可联办', outcome: 'item', item: { type: 'appeal', data: { category: 'policy', title: '外籍工程师工作许可与居留许可能否同步办理', content: '公司拟聘用两名外籍工程师，希望了解工作许可和居留许可联办窗口的办理材料和时限。', contactName: '刘经理', contactPhone: '13905331235' } } }],
  });

  await bookCentre(at(2 * DAY_MS), ent2, centre.id, { date: addDays(dayOf(0), 7), slot: 'am', purpose: '咨询新购货车批量上线查验' }, IP);
}
