import { DEFAULT_RULE_SET } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { ensureDefaultTiaThresholds } from '../../modules/traffic/tia-thresholds.ts';
import { accessRuleSets, roads } from '../schema.ts';

type RoadSeed = typeof roads.$inferInsert;

/** Zibo road segments the checker knows by id (M8). Ids are stable: tests, filings and pass codes name them. */
export function ziboRoads(): RoadSeed[] {
  const r = (id: string, name: string, roadClass: 'expressway' | 'ordinary', inRestrictedZone: boolean, nightCorridor: boolean, district: string): RoadSeed => ({
    id,
    name,
    roadClass,
    inRestrictedZone,
    nightCorridor,
    district,
  });
  return [
    r('zd-liuquan-rd', '张店区 柳泉路（华光路—新村西路）', 'ordinary', true, false, 'zhangdian'),
    r('zd-renmin-rd', '张店区 人民路（西六路—东一路）', 'ordinary', true, false, 'zhangdian'),
    r('zd-gongqingtuan-rd', '张店区 共青团路（西五路—东二路）', 'ordinary', true, false, 'zhangdian'),
    r('zd-jinjing-ave', '张店区 金晶大道（张周路—新村路）', 'ordinary', true, false, 'zhangdian'),
    r('zd-beijing-rd', '张店区 北京路（城市快速路段）', 'expressway', true, false, 'zhangdian'),
    r('zd-xincun-rd-expressway', '张店区 新村路高架（城市快速路段）', 'expressway', true, false, 'zhangdian'),
    r('zd-huaguang-rd-night', '张店区 华光路（货车夜间通道）', 'ordinary', true, true, 'zhangdian'),
    r('zd-shanquan-rd-night', '张店区 山泉路（货车夜间通道）', 'ordinary', true, true, 'zhangdian'),
    r('zd-zhangzhou-rd', '张店区 张周路（限行区外）', 'ordinary', false, false, 'zhangdian'),
    r('lz-qilu-rd', '临淄区 齐鲁石化大道（限行区外）', 'ordinary', false, false, 'linzi'),
    r('zc-songling-rd', '淄川区 松龄路（限行区外）', 'ordinary', false, false, 'zichuan'),
  ];
}

/** Roads, the default access rules (SPEC §5) and TIA thresholds (M9), each as version 1; safe to run on every start. */
export async function seedTraffic(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  await db.insert(roads).values(ziboRoads()).onConflictDoNothing();
  await db
    .insert(accessRuleSets)
    .values({
      version: DEFAULT_RULE_SET.version,
      effectiveFrom: new Date(DEFAULT_RULE_SET.effectiveFrom),
      rules: structuredClone(DEFAULT_RULE_SET.rules),
      note: 'SPEC §5 默认规则（淄公通〔2023〕34号 第8条）',
    })
    .onConflictDoNothing();
  await ensureDefaultTiaThresholds(db);
}
