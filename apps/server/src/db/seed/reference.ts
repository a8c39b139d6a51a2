import { defaultEnterpriseTags, STATUTORY_SCHEDULES, districts } from '@jqt/domain';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { listYears } from '../../modules/calendar/repository.ts';
import { loadYear } from '../../modules/calendar/service.ts';
import { enterpriseTags, units } from '../schema.ts';
import { seedTraffic } from './traffic.ts';

type UnitSeed = typeof units.$inferInsert;

/** Zibo's police units and partner departments (SPEC §10). Ids are stable: tests and demo data name them. */
export function ziboUnits(): UnitSeed[] {
  // The police units form a tree under the city bureau (issue 13): its detachments and the district bureaus hang
  // from it, stations from their district bureau, brigades and the vehicle office from the traffic detachment.
  const root: UnitSeed = { id: 'zb-city', nameZh: '淄博市公安局', nameEn: 'Zibo Public Security Bureau', unitType: 'city-bureau' };
  const detachments: UnitSeed[] = [
    { id: 'zb-liaison', nameZh: '淄博市公安局警企联络办', nameEn: 'Police–Enterprise Liaison Office', unitType: 'liaison-office' },
    { id: 'zb-inspection', nameZh: '淄博市公安局督察支队', nameEn: 'Inspection Detachment', unitType: 'inspection' },
    { id: 'zb-legal', nameZh: '淄博市公安局法制支队', nameEn: 'Legal Affairs Detachment', unitType: 'legal' },
    { id: 'zb-cyber', nameZh: '淄博市公安局网络安全保卫支队', nameEn: 'Cyber Security Detachment', unitType: 'cyber' },
    { id: 'zb-econ', nameZh: '淄博市公安局经济犯罪侦查支队', nameEn: 'Economic Crime Detachment', unitType: 'econ-crime' },
    { id: 'zb-exit-entry', nameZh: '淄博市公安局出入境管理支队', nameEn: 'Exit-Entry Administration', unitType: 'exit-entry' },
    { id: 'zb-hukou', nameZh: '淄博市公安局户政管理支队', nameEn: 'Household Registration Administration', unitType: 'hukou' },
    { id: 'zb-traffic', nameZh: '淄博市公安局交通警察支队', nameEn: 'Traffic Police Detachment', unitType: 'traffic-police' },
    { id: 'zb-vehicle-admin', nameZh: '淄博市公安局交警支队车辆管理所', nameEn: 'Vehicle Administration Office', unitType: 'vehicle-admin', parentId: 'zb-traffic' },
  ];
  const city = [...detachments.map((u) => ({ ...u, parentId: u.parentId ?? root.id }))];
  const local: UnitSeed[] = districts.flatMap((d) => {
    const county = d.zh.endsWith('县');
    const short = d.zh.slice(0, 2);
    return [
      {
        id: `${d.code}-branch`,
        nameZh: county ? `${d.zh}公安局` : `淄博市公安局${short}分局`,
        nameEn: `${d.en} Public Security Bureau`,
        unitType: 'branch',
        district: d.code,
        parentId: root.id,
      },
      { id: `${d.code}-traffic`, nameZh: `淄博市公安局交警支队${short}大队`, nameEn: `${d.en} Traffic Police Brigade`, unitType: 'traffic-brigade', district: d.code, parentId: 'zb-traffic' },
    ];
  });
  const stations: UnitSeed[] = [
    ['zhangdian', 'chezhan', '车站派出所', 'Chezhan'],
    ['zhangdian', 'mashang', '马尚派出所', 'Mashang'],
    ['zhangdian', 'hepingfang', '和平派出所', 'Heping'],
    ['zichuan', 'banyang', '般阳派出所', 'Banyang'],
    ['boshan', 'chengdong', '城东派出所', 'Chengdong'],
    ['linzi', 'wenmiao', '闻韶派出所', 'Wenshao'],
    ['zhoucun', 'qingnianlu', '青年路派出所', 'Qingnianlu'],
    ['huantai', 'suozhen', '索镇派出所', 'Suozhen'],
    ['gaoqing', 'tianzhen', '田镇派出所', 'Tianzhen'],
    ['yiyuan', 'lishan', '历山派出所', 'Lishan'],
  ].map(([district, code, zh, en]) => ({
    id: `${district}-station-${code}`,
    nameZh: zh,
    nameEn: `${en} Police Station`,
    unitType: 'station',
    district,
    parentId: `${district}-branch`,
  }));
  const partners: UnitSeed[] = [
    ['kejiju', '淄博市科学技术局', 'Science and Technology Bureau'],
    ['renshe', '淄博市人力资源和社会保障局', 'Human Resources and Social Security Bureau'],
    ['jiaotong', '淄博市交通运输局', 'Transport Bureau'],
    ['shengtai', '淄博市生态环境局', 'Ecology and Environment Bureau'],
    ['shichang', '淄博市市场监督管理局', 'Market Regulation Bureau'],
    ['zhujian', '淄博市住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  ].map(([code, zh, en]) => ({ id: `partner-${code}`, nameZh: zh, nameEn: en, unitType: 'partner' }));
  // Added with cases (M10–M13): last, so the duty phones of the units above keep their numbers.
  const caseUnits: UnitSeed[] = [
    { id: 'zb-criminal', nameZh: '淄博市公安局刑事侦查支队', nameEn: 'Criminal Investigation Detachment', unitType: 'criminal-investigation', parentId: root.id },
    { id: 'zb-fde', nameZh: '淄博市公安局食品药品与环境犯罪侦查支队', nameEn: 'Food, Drug, Environment and IP Crime Detachment', unitType: 'fde-ip', parentId: root.id },
    // 联动处置 (M10) pulls in emergency management too.
    { id: 'partner-yingji', nameZh: '淄博市应急管理局', nameEn: 'Emergency Management Bureau', unitType: 'partner' },
  ];
  // Duty phones (fictional numbers of Zibo's 0533 area): what an enterprise is given for its liaison officer.
  // Prevention service teams (M18, M19) and then the root, last so the units before them keep their phones.
  const teams: UnitSeed[] = [
    { id: 'zb-lecture', nameZh: '淄博市公安局平安宣讲团', nameEn: 'Safety Lecture Team', unitType: 'lecture-team', parentId: root.id },
    { id: 'zb-lawyers', nameZh: '淄博市公安局公职律师服务团', nameEn: 'Police Lawyers Service Team', unitType: 'lawyer-team', parentId: 'zb-legal' },
  ];
  return [...city, ...local, ...stations, ...partners, ...teams, root, ...caseUnits].map((u, i) => ({ ...u, phone: `0533-${2186000 + i * 7}` }));
}

/** Reference data every database needs: units and the statutory calendars 2023–2026. Safe to run on every start. */
export async function seedReference(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  // A unit seeded before duty phones (or the unit tree) existed gets its phone and parent; one an admin changed keeps them.
  await db
    .insert(units)
    .values(ziboUnits())
    .onConflictDoUpdate({
      target: units.id,
      set: { phone: sql`coalesce(${units.phone}, excluded.phone)`, parentId: sql`coalesce(${units.parentId}, excluded.parent_id)` },
    });
  await db
    .insert(enterpriseTags)
    .values(defaultEnterpriseTags.map((t, i) => ({ code: t.code, nameZh: t.label.zh, nameEn: t.label.en, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) })))
    .onConflictDoNothing();
  const loaded = new Set((await listYears(db)).map((y) => y.year));
  for (const s of STATUTORY_SCHEDULES) {
    if (loaded.has(s.year)) continue;
    await loadYear(ctx, null, { year: s.year, notice: s.notice, title: s.title, days: s.days }, null);
  }
  await seedTraffic(ctx);
}
