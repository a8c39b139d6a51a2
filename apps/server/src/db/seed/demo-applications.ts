import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { DAY_MS, addDays, makeIdCard, shanghaiDate, type ItemAction } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { findUnitByRoute, findUserByUsername, insertUser } from '../../modules/accounts/repository.ts';
import { setSpecialists } from '../../modules/accounts/specialists.ts';
import { submitPackage } from '../../modules/applications/packages.ts';
import { batchColumns, batchStep, importResidenceBatch } from '../../modules/applications/residence-batches.ts';
import { submitItem, transitionItem } from '../../modules/items/service.ts';
import { demoActor } from './demo-support.ts';

const HOUR = 3_600_000;
const IP = '127.0.0.1';

type Item = { id: string; version: number; branches: { id: string; unitId: string }[] };
/** One step of a demo item: who acts, how many hours after the previous step, what they do. */
type Step = [who: UserActor, hours: number, action: ItemAction, fields?: Record<string, unknown> | ((item: Item) => Record<string, unknown>)];

/**
 * Demo applications of the green channel (M3–M6), made through the services the API calls, each at its moment in
 * the demo's past (a context whose clock says so), in time order across all of them — so item numbers, timelines,
 * clocks, branches, certificate numbers (gapless per kind and year) and ratings are what the real flows produce:
 * talent hukou in its three channels, foreign talent with its two branches in different states (one fully issued,
 * one denied), residence permits single and in two batches (one delivered), house numbers, oversize transport in and
 * out of province, road works, urgent exit-entry documents and a 打包办 package. Needs the demo's users; adds the
 * hukou window's talent specialist, the HR bureau's partner user, a police station's and a traffic brigade's officer
 * and an individual applicant.
 */
export async function seedDemoApplications(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ms: number): AppContext => ({ ...ctx, now: () => new Date(ms) });
  /** 09:30 Shanghai time, `days` days ago: the demo's working mornings. */
  const morning = (days: number) => new Date(`${shanghaiDate(new Date(now.getTime() - days * DAY_MS))}T09:30:00+08:00`).getTime();
  const dayOf = (ms: number) => shanghaiDate(new Date(ms));

  const actor = (username: string) => demoActor(db, username);
  // Units without a demo user yet get one, with the demo password (and the staff TOTP secret).
  const template = (await findUserByUsername(db, 'officer.churujing'))!;
  const addUser = async (username: string, role: UserActor['role'], displayName: string, unitId: string | null, mobile: string) => {
    if (!(await findUserByUsername(db, username))) {
      await insertUser(db, { id: randomUUID(), username, passwordHash: template.passwordHash, role, displayName, unitId, enterpriseId: null, mobile, totpSecret: unitId ? template.totpSecret : null, isDemo: true });
    }
    return actor(username);
  };
  const stationId = (await findUnitByRoute(db, 'station', 'zhangdian'))!.id;
  const brigadeId = (await findUnitByRoute(db, 'traffic-brigade', 'zhangdian'))!.id;
  const huji = await addUser('officer.huji', 'officer', '户政支队 人才落户服务专员 陈警官', 'zb-hukou', '13905339911');
  const renshe = await addUser('partner.renshe', 'partner', '市人社局 人才服务科', 'partner-renshe', '13905339912');
  const paichusuo = await addUser('officer.paichusuo', 'officer', '张店车站派出所 户籍民警 冯警官', stationId, '13905339913');
  const brigade = await addUser('officer.jiaojing.zhangdian', 'officer', '交警张店大队 秩序中队 韩警官', brigadeId, '13905339914');
  const applicant = await addUser('applicant.demo', 'applicant', '个人申请人 周同学', null, '13905339915');
  const [ent1, ent2, churujing, kejiju, jiaojing, zhangdian, leader] = await Promise.all(
    ['ent.demo1', 'ent.demo2', 'officer.churujing', 'partner.kejiju', 'officer.jiaojing', 'officer.zhangdian', 'leader.zhangdian'].map(actor),
  );

  /** Everything happens in time order; a scenario's later steps wait for its earlier ones. */
  const timeline: { at: number; seq: number; run: () => Promise<void> }[] = [];
  const schedule = (when: number, run: () => Promise<void>) => timeline.push({ at: when, seq: timeline.length, run });
  const follow = (start: number, get: () => Item | undefined, set: (i: Item) => void, steps: Step[]) => {
    let t = start;
    for (const [who, hours, action, fields] of steps) {
      t += hours * HOUR;
      const when = t;
      schedule(when, async () => {
        const item = get();
        if (!item) return;
        const input = typeof fields === 'function' ? fields(item) : (fields ?? {});
        const next = await transitionItem(at(when), who, item.id, { action, version: item.version, fields: input, ip: IP }).catch((e: { code?: string; details?: unknown }) => {
          throw new Error(`demo application ${item.id}: ${action} by ${who.username} failed: ${e.code ?? String(e)} ${JSON.stringify(e.details ?? {})}`);
        });
        set(next as unknown as Item);
      });
    }
  };
  /** Filed `days` ago in the morning (plus `offsetHours`); filed today means `offsetHours` before now. */
  const application = (who: UserActor, days: number, type: string, data: Record<string, unknown>, steps: Step[] = [], offsetHours = 0) => {
    let item: Item | undefined;
    const start = days === 0 ? now.getTime() - Math.abs(offsetHours) * HOUR : morning(days) + offsetHours * HOUR;
    schedule(start, async () => {
      item = (await submitItem(at(start), who, { type, data, ip: IP })).item as unknown as Item;
    });
    follow(start, () => item, (i) => (item = i), steps);
  };
  const branch = (unitId: string, note: string, decision?: 'denied') => (item: Item) => ({
    branchId: item.branches.find((b) => b.unitId === unitId)!.id,
    note,
    ...(decision ? { decision } : {}),
  });

  const person = (name: string, birth: string, seq: number, mobile: string) => ({ name, idNumber: makeIdCard('370303', birth, seq), mobile });
  const contact = { contactName: '王主任', contactPhone: '13905332601' };

  // 人才落户 (M3): three channels, the window's talent specialist takes each accepted one, the HR bureau confirms the
  // talent record.
  const admin = await actor('admin');
  await setSpecialists(at(morning(30)), admin, 'zb-hukou', [huji.id], IP);
  const talent = (channel: string, p: ReturnType<typeof person>, institution: string, education: string) => ({
    channel, ...p, institution, education, targetAddress: '淄博市张店区人民西路 18 号 齐鲁新材料集体户',
  });
  application(applicant, 12, 'talent-hukou', talent('local-graduate', person('周明远', '2001-03-14', 31, '13905330101'), '山东理工大学', 'bachelor'), [
    [huji, 2, 'accept', { note: '绿色通道，材料齐全' }],
    [renshe, 5, 'complete-branch', branch('partner-renshe', '已核验：山东理工大学 2024 届本科毕业生')],
    [huji, 18, 'answer', { note: '准予迁入，请持准予迁入证明到集体户所在地派出所办理落户' }],
    [applicant, 3, 'rate', { rating: 'very-satisfied', note: '一次都没跑，专员很耐心' }],
    [applicant, 1, 'close'],
  ]);
  application(ent1, 3, 'talent-hukou', talent('online-student', person('孙雨桐', '2002-07-09', 42, '13905330102'), '四川大学', 'master'), [
    [huji, 3, 'accept'],
    [renshe, 20, 'complete-branch', branch('partner-renshe', '已核验学信网学籍信息，在读硕士研究生')],
  ]);
  application(ent2, 1, 'talent-hukou', talent('high-level', person('郑博文', '1986-11-02', 53, '13905330103'), '博远智能装备研究院', 'doctor'));
  application(ent2, 16, 'talent-hukou', talent('high-level', person('冯思齐', '1984-05-21', 64, '13905330104'), '淄博博远智能装备有限公司', 'doctor'), [
    [huji, 4, 'accept'],
    [huji, 5, 'request-supplement', { note: '请补充人社部门出具的高层次人才认定文件' }],
  ]);
  application(applicant, 6, 'talent-hukou', talent('local-graduate', person('吴子涵', '2003-01-30', 75, '13905330105'), '北京交通大学', 'bachelor'), [
    [huji, 3, 'refuse', { note: '申请人不是驻淄高校学生，不适用绿色通道；请改选“网办通道”重新申请' }],
  ]);

  // 外籍人才 (M4): the science bureau's work permit branch and exit-entry's residence permit, one shared deadline.
  const foreign = (fullName: string, passportNumber: string, nationality: string, position: string) => ({
    fullName, passportNumber, nationality, position, gender: 'male', dateOfBirth: '1985-06-15', employer: '淄博齐鲁新材料科技有限公司',
    workPermitPreapproval: `WP${dayOf(now.getTime()).slice(0, 4)}-${passportNumber.slice(-4)}`, email: 'hr@qilu-materials.example', contactPhone: '13905332701',
  });
  application(ent1, 15, 'foreign-talent-permits', foreign('Lukas Becker', 'C4RJ81T25', 'Germany', 'Process engineer'), [
    [churujing, 2, 'accept', { note: 'Documents checked at the joint window' }],
    [kejiju, 22, 'complete-branch', branch('partner-kejiju', '《外国人工作许可证》已审批制证')],
    [churujing, 20, 'answer', { note: '两本证件均已办结，请到市政务服务中心公安“联办窗口”同时领取。Both documents are ready at the joint window.' }],
    [ent1, 26, 'rate', { rating: 'very-satisfied', note: '五个工作日内两证同取' }],
    [churujing, 2, 'close'],
  ]);
  application(ent1, 3, 'foreign-talent-permits', foreign('Emma Laurent', '18FV52731', 'France', 'R&D manager'), [
    [churujing, 1, 'accept'],
    [kejiju, 23, 'complete-branch', branch('partner-kejiju', '《外国人工作许可证》已审批制证')],
  ]);
  application(ent1, 1, 'foreign-talent-permits', foreign('Kenji Watanabe', 'TK5583019', 'Japan', 'Quality engineer'), [[churujing, 3, 'accept']]);
  application(ent2, 1, 'foreign-talent-permits', foreign('Oliver Smith', '548812903', 'United Kingdom', 'Sales director'), [], 5);
  application(ent2, 25, 'foreign-talent-permits', foreign('Marco Rossi', 'YA7712034', 'Italy', 'Consultant'), [
    [churujing, 3, 'accept'],
    [kejiju, 26, 'complete-branch', branch('partner-kejiju', '工作许可预审编号与申请人信息不符，不予许可', 'denied')],
    [churujing, 4, 'answer', { note: '工作许可未获批准，居留许可不予签发；可在取得工作许可后重新申请', decision: 'denied' }],
    [ent2, 20, 'rate', { rating: 'basically-satisfied' }],
  ]);

  // 居住证 (M5): single applications, and two enterprise batches (one delivered to the signature, one waiting).
  const residence = (p: ReturnType<typeof person>, address: string) => ({ ...p, address, residenceSince: '2025-09-01', employer: '淄博齐鲁新材料科技有限公司', district: 'zhangdian' });
  application(applicant, 8, 'residence-permit', residence(person('刘晓雯', '1998-08-18', 86, '13905330106'), '淄博市张店区共青团西路 66 号 3 单元 502 室'), [
    [paichusuo, 2, 'accept'],
    [paichusuo, 70, 'answer', { note: '居住证已制作完成，请本人到车站派出所户籍窗口领取' }],
    [applicant, 30, 'rate', { rating: 'satisfied' }],
    [applicant, 1, 'close'],
  ]);
  application(ent2, 2, 'residence-permit', residence(person('何建国', '1979-12-03', 97, '13905330107'), '淄博市张店区华光路 188 号博远智能职工宿舍 2 号楼'), [[paichusuo, 5, 'accept']]);
  const batch = async (days: number, from: number, size: number, bad: number[]) => {
    const cols = batchColumns().filter((f) => ['name', 'idNumber', 'mobile', 'address', 'residenceSince', 'employer'].includes(f.name));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(cols.map((f) => f.name));
    for (let i = from; i < from + size; i++) {
      const row: Record<string, string> = {
        name: `员工${String(i).padStart(3, '0')}`,
        idNumber: makeIdCard('370303', `199${i % 10}-0${(i % 9) + 1}-1${i % 10}`, i),
        mobile: `1390533${String(1000 + i).slice(-4)}`,
        address: `淄博市张店区人民西路 18 号齐鲁新材料职工公寓 ${(i % 6) + 1} 号楼`,
        residenceSince: '2025-10-01',
        employer: '淄博齐鲁新材料科技有限公司',
      };
      // Rows a coordinator typically gets wrong, reported back row by row.
      if (bad.includes(i)) Object.assign(row, i % 2 ? { idNumber: row.idNumber.slice(0, 17) + (row.idNumber.endsWith('1') ? '2' : '1') } : { mobile: '1390533' });
      ws.addRow(cols.map((f) => row[f.name]));
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    return (await importResidenceBatch(at(morning(days)), ent1, bytes, { filename: `居住证集中申办-${dayOf(morning(days))}.xlsx`, ip: IP })).batch.id as string;
  };
  schedule(morning(10), async () => {
    const id = await batch(10, 1, 12, [7]);
    for (const [days, step, input] of [
      [9, 'accept-all', { note: '集中受理' }],
      [5, 'mark-produced', {}],
      [4, 'delivered', { signerName: '齐鲁新材料 人事部 张经理', note: '送证上门，当面清点签收' }],
    ] as const) {
      schedule(morning(days) + 2 * HOUR, () => batchStep(at(morning(days) + 2 * HOUR), paichusuo, id, step, input, IP).then(() => undefined));
    }
  });
  schedule(morning(1) + HOUR, async () => void (await batch(1, 101, 6, [103, 104])));

  // 门楼牌编划 (M6): 5 working days; one with an approved extension, one denied.
  const building = (projectName: string, buildings: number) => ({ projectName, district: 'zhangdian', location: '张店区华光路以东、新村西路以北', buildings, proposal: '按道路走向自西向东编单号', ...contact });
  application(ent1, 10, 'house-number', building('齐鲁新材料研发中心', 3), [
    [zhangdian, 3, 'accept'],
    [zhangdian, 46, 'answer', { note: '经现场核实，准予编号：华光路 266 号、268 号、270 号；门牌证随后制作送达' }],
    [ent1, 20, 'rate', { rating: 'satisfied', note: '' }],
  ]);
  application(ent2, 4, 'house-number', building('博远智能装备产业园三期', 9), [
    [zhangdian, 2, 'accept'],
    [zhangdian, 22, 'extend', { days: 3, note: '需与规划部门核对道路命名' }],
    [leader, 2, 'approve-extension', { note: '同意延期 3 个工作日' }],
  ]);
  application(ent2, 30, 'house-number', building('博远智能临时仓库', 1), [
    [zhangdian, 4, 'accept'],
    [zhangdian, 48, 'answer', { note: '经现场核实，该建筑为临时建筑，依规定不予编制门牌号', decision: 'denied' }],
  ]);

  // 大件运输 (M6): the clock follows the route; in-province decided the same day, out-of-province in 3 working days.
  const oversize = (route: string, destination: string, days: number) => ({
    route, plate: '鲁C8N312', cargo: '反应釜（不可解体）', lengthM: 18.5, widthM: 3.6, heightM: 4.2, totalMassT: 62,
    origin: '淄博市张店区齐鲁新材料厂区', destination, fromDate: addDays(dayOf(morning(days)), 3), toDate: addDays(dayOf(morning(days)), 5), contactName: '赵调度', contactPhone: '13905332801',
  });
  application(ent1, 2, 'oversize-transport', oversize('in-province', '山东省东营市', 2), [
    [jiaojing, 0.5, 'accept'],
    [jiaojing, 5, 'answer', { note: '准予通行：按指定路线夜间 22 时至次日 5 时通行，限速 40 公里/小时' }],
    [ent1, 2, 'rate', { rating: 'very-satisfied', note: '当天就批了' }],
  ]);
  application(ent2, 2, 'oversize-transport', oversize('out-of-province', '江苏省徐州市', 2), [[jiaojing, 1, 'accept']]);
  application(ent1, 9, 'oversize-transport', oversize('out-of-province', '河北省唐山市', 9), [
    [jiaojing, 1, 'accept'],
    [jiaojing, 50, 'answer', { note: '准予通行，途经省份已会签，请按核定路线和时段通行' }],
    [ent1, 3, 'close'],
    [ent1, 1, 'rate', { rating: 'dissatisfied', note: '通行证领取需要到现场，不够便捷' }],
    [jiaojing, 6, 'record-follow-up', { note: '已电话回访，解释会签流程；下一步推行电子通行证' }],
  ]);
  application(ent2, 0, 'oversize-transport', oversize('in-province', '山东省潍坊市', 0), [], 3);

  // 占用挖掘道路 (M6): 3 working days; one left overdue in the queue.
  const works = (workKind: string, projectName: string, days: number) => ({
    workKind, projectName, district: 'zhangdian', location: '张店区华光路（共青团路至新村路段）东侧非机动车道', startDate: addDays(dayOf(morning(days)), 7), endDate: addDays(dayOf(morning(days)), 20),
    trafficPlan: '半幅施工，设置围挡和警示灯，夜间安排专人值守疏导交通', ...contact,
  });
  application(ent1, 7, 'road-works', works('excavation', '齐鲁新材料供热管道接入工程', 7), [
    [brigade, 2, 'accept'],
    [brigade, 26, 'answer', { note: '准予施工，须按批准的交通组织方案设置围挡和警示标志' }],
    [ent1, 40, 'close'],
  ]);
  application(ent2, 2, 'road-works', works('occupation', '博远智能厂区大门改造', 2), [[brigade, 4, 'accept']]);
  application(ent2, 40, 'road-works', works('pipeline-crossing', '博远智能 10 千伏电缆穿越工程', 40), [[brigade, 6, 'accept']]);

  // 商务急需出国（境）加急办证 (M6).
  const trip = (p: ReturnType<typeof person>, document: string, destination: string, days: number) => ({
    ...p, document, destination, departureDate: addDays(dayOf(morning(days)), 10), employer: '淄博齐鲁新材料科技有限公司', reason: `赴${destination}参加展会并签订设备采购合同`,
  });
  application(ent1, 5, 'exit-entry-urgent', trip(person('钱志强', '1978-04-12', 108, '13905330108'), 'passport', '德国', 5), [
    [churujing, 1, 'accept'],
    [churujing, 28, 'answer', { note: '护照已按加急程序制证，请本人到出入境大厅领取' }],
    [ent1, 3, 'rate', { rating: 'very-satisfied' }],
    [ent1, 1, 'close'],
  ]);
  application(applicant, 1, 'exit-entry-urgent', trip(person('周明远', '2001-03-14', 31, '13905330101'), 'hk-macao', '香港', 1), [[churujing, 2, 'accept']]);
  application(ent2, 0, 'exit-entry-urgent', trip(person('李文博', '1983-09-27', 119, '13905330109'), 'taiwan', '台湾', 0), [], 2);

  // 打包办 (M6): a new plant's house numbers and its road works, filed together, each decided on its own clock.
  const packageStart = morning(6);
  let packaged: Item[] = [];
  schedule(packageStart, async () => {
    packaged = (await submitPackage(at(packageStart), ent1, [
      { type: 'house-number', data: building('齐鲁新材料二期厂房', 4) },
      { type: 'road-works', data: works('excavation', '齐鲁新材料二期厂房给排水接入', 6) },
    ], IP)).items as unknown as Item[];
  });
  follow(packageStart, () => packaged[0], (i) => (packaged[0] = i), [
    [zhangdian, 3, 'accept'],
    [zhangdian, 44, 'answer', { note: '经现场核实，准予编号：新村西路 101 号，门牌证随后送达' }],
  ]);
  follow(packageStart, () => packaged[1], (i) => (packaged[1] = i), [[brigade, 4, 'accept']]);

  // Run in time order; the nested batch steps join the queue as they are scheduled.
  const limit = now.getTime() - 60_000;
  while (timeline.length) {
    timeline.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const next = timeline.shift()!;
    if (next.at > limit) continue;
    await next.run();
  }
}
