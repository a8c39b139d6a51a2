import type { MessageTable } from './table.ts';

/** 平安宣讲, 公职律师, 风险预警, 网络安全检查 (M19, M18, M15, M16). */
export const preventionMessages: MessageTable = {
  'zh-CN': {
    duplicate_entry: '与前面的选项重复',
    speaker_busy: '主讲人 {speaker} 在 {date} {time} 已有宣讲（{number}），时间重叠',
    lecture_not_held: '宣讲日期为 {date}，宣讲结束后再记录',
    only_for_on_site: '仅预约上门服务时填写',
    faq_exists: '该问答已收入常见问题',
    faq_needs_answer: '事项答复后才能收入常见问题',
    'notice.lecture_recorded': '您预约的平安宣讲 {number} 已记录（实到 {attendance} 人），欢迎评价',
  },
  en: {
    duplicate_entry: 'Repeats an earlier entry',
    speaker_busy: '{speaker} already gives a lecture on {date} at {time} ({number}) that overlaps',
    lecture_not_held: 'The lecture is on {date}: record it after it was given',
    only_for_on_site: 'Only for on-site service',
    faq_exists: 'This answer is already in the FAQ',
    faq_needs_answer: 'Only an answered question can become an FAQ entry',
    'notice.lecture_recorded': 'Your safety lecture {number} is recorded ({attendance} attended); please rate it',
  },
};
