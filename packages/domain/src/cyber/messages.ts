import type { MessageTable } from '../messages/table.ts';

/** 网络安全检查 (M16). */
export const cyberMessages: MessageTable = {
  'zh-CN': {
    date_in_past: '日期不能早于今天（{today}）',
    attachment_unknown: '附件不存在或不是您上传的',
    cyber_unit_only: '仅网安部门可以进行此操作',
    cyber_finding_not_in_status: '该问题当前状态（{status}）不能进行此操作',
    cyber_inspection_not_planned: '该检查已记录结果',
    cyber_notice_not_issued: '该检查尚未下发整改通知书',
    'notice.cyber_inspection_planned': '网安部门计划于 {date} 对贵企业开展网络安全检查',
    'notice.cyber_notice_issued': '网络安全整改通知书 {number}：{count} 项问题待整改，请按期答复',
    'notice.cyber_finding_answered': '{enterprise} 已答复整改通知书 {number} 中的问题，请核验',
    'notice.cyber_finding_reviewed': '整改通知书 {number} 中的问题已{result}：{note}',
    'notice.cyber_finding_overdue': '{enterprise} 的网络安全问题（{severity}，整改通知书 {number}）已超过整改期限',
  },
  en: {
    date_in_past: 'The date cannot be before today ({today})',
    attachment_unknown: 'No such attachment of yours',
    cyber_unit_only: 'Only the cyber security unit may do this',
    cyber_finding_not_in_status: 'Not possible while the finding is {status}',
    cyber_inspection_not_planned: 'The result of this inspection is already recorded',
    cyber_notice_not_issued: 'No rectification notice has been issued for this inspection',
    'notice.cyber_inspection_planned': 'The cyber security unit plans to inspect your enterprise on {date}',
    'notice.cyber_notice_issued': 'Rectification notice {number}: {count} findings to rectify; please answer in time',
    'notice.cyber_finding_answered': '{enterprise} answered a finding of rectification notice {number}: please verify',
    'notice.cyber_finding_reviewed': 'A finding of rectification notice {number} was {result}: {note}',
    'notice.cyber_finding_overdue': 'A cyber security finding of {enterprise} ({severity}, notice {number}) is past its rectification deadline',
  },
};
