/**
 * 审核 (issue 13 point 1) in the demo: 车站派出所 reviews its answers to appeals. One appeal's answer waits for
 * 孟所长 (leader.chezhan); another went out after his approval, so both halves of the review show.
 */
import type { AppContext } from '../../context.ts';
import { setUnitAnswerReviewTypes } from '../../modules/accounts/repository.ts';
import { getItem, submitItem, transitionItem } from '../../modules/items/service.ts';
import type { UserActor } from '../../modules/accounts/actor.ts';
import { demoActor } from './demo-support.ts';

const IP = '127.0.0.1';
const HOUR = 3_600_000;
const STATION = 'zhangdian-station-chezhan';

export async function seedDemoReview(ctx: AppContext): Promise<void> {
  const db = ctx.database.db;
  const now = ctx.now();
  const at = (ago: number): AppContext => ({ ...ctx, now: () => new Date(now.getTime() - ago) });
  const [ent, branch, officer, leader] = await Promise.all(['ent.demo1', 'officer.zhangdian', 'officer.chezhan', 'leader.chezhan'].map((u) => demoActor(db, u)));
  await setUnitAnswerReviewTypes(db, STATION, ['appeal']);
  const act = async (who: UserActor, ago: number, id: string, action: string, fields: Record<string, unknown> = {}) => {
    const { version } = await getItem(ctx, who, id, { bypassVisibility: true });
    await transitionItem(at(ago), who, id, { action: action as never, version, fields, ip: IP });
  };
  /** An appeal the 分局 hands to the station, which accepts it and drafts its answer. */
  const drafted = async (ago: number, data: { title: string; content: string }, answer: string) => {
    const { id } = (await submitItem(at(ago), ent, { type: 'appeal', ip: IP, data: { category: 'guidance', contactName: '张经理', contactPhone: '13905330001', ...data } })).item;
    await act(branch, ago - HOUR, id, 'transfer', { toUnitId: STATION, note: '企业位于车站派出所辖区，请派出所办理' });
    await act(officer, ago - 2 * HOUR, id, 'accept-transfer');
    await act(officer, ago - 3 * HOUR, id, 'accept');
    await act(officer, ago - 20 * HOUR, id, 'answer', { note: answer });
    return id;
  };
  const sent = await drafted(
    72 * HOUR,
    { title: '新建厂房门牌号申请流程', content: '我司在车站街道新建厂房已竣工，想了解门牌号编制需要哪些材料、多久能办好。' },
    '经核实，新建厂房门牌号编制需提供不动产权证书或规划许可证、竣工验收备案表复印件，可在本所户籍窗口提交，材料齐全的五个工作日内编制完毕。',
  );
  await act(leader, 50 * HOUR, sent, 'approve-answer', { note: '同意答复' });
  await drafted(
    30 * HOUR,
    { title: '厂区周边夜间治安巡逻请求', content: '我司厂区周边夜间时有可疑人员徘徊，希望派出所加强夜间巡逻。' },
    '收到贵司反映后，本所已将厂区周边道路纳入夜间巡逻路线，每晚二十二时至次日二时安排巡逻车辆巡查两次，并在厂区东门增设治安监控探头。',
  );
}
