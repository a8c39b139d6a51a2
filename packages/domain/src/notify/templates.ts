/**
 * Notices that reach people off the site (issue 13 point 5): which in-site notice kinds also go out by e-mail and
 * SMS, and with which template. A kind missing here stays in-site only.
 */
export type OffSiteChannel = 'email' | 'sms';
export const OFF_SITE_CHANNELS: readonly OffSiteChannel[] = ['email', 'sms'];

/** The events a citizen or an enterprise expects to hear of off the site; one SMS template each. */
export type NoticeEvent = 'accepted' | 'supplement' | 'answered' | 'concluded' | 'pickup' | 'overdue';

/** 受理 / 补正 / 答复 / 办结 / 领取 / 超期提醒, mapped from today's notice kinds. */
export const NOTICE_EVENT_OF_KIND: Readonly<Record<string, NoticeEvent>> = {
  item_accepted: 'accepted',
  residence_batch_accepted: 'accepted',
  case_filed: 'accepted',
  supplement_requested: 'supplement',
  item_answered: 'answered',
  survey_scheduled: 'answered',
  inspection_scheduled: 'answered',
  residence_batch_delivered: 'concluded',
  rectification_done: 'concluded',
  joint_window_pickup: 'pickup',
  deadline_near: 'overdue',
  overdue: 'overdue',
  overdue_escalated: 'overdue',
  supervision_overdue: 'overdue',
  branch_ack_overdue: 'overdue',
  branch_report_overdue: 'overdue',
};

/**
 * What goes out besides item notices: the phone verification code, and the account's own recovery messages (a
 * reset link, the word that the password was changed), which go out whatever the user chose for ordinary notices.
 */
export type OffSiteTemplate = NoticeEvent | 'phone_code' | 'password_reset' | 'password_changed';

/** Templates whose params hold a secret (a code, a link's token): cleared from the outbox once delivery is decided. */
export const SECRET_TEMPLATES: readonly OffSiteTemplate[] = ['phone_code', 'password_reset'];

/**
 * One SMS template per event, as registered with the provider: our default template code (a provider assigns
 * its own; `SMS_TEMPLATE_CODES` maps ours to theirs) and the params it takes. The text is `sms.<template>` in the
 * message tables, with `${name}` placeholders as Aliyun's console writes them.
 */
export const SMS_TEMPLATES: Readonly<Record<OffSiteTemplate, { code: string; params: readonly string[] }>> = {
  accepted: { code: 'JQT_ACCEPTED', params: ['number'] },
  supplement: { code: 'JQT_SUPPLEMENT', params: ['number'] },
  answered: { code: 'JQT_ANSWERED', params: ['number'] },
  concluded: { code: 'JQT_CONCLUDED', params: ['number'] },
  pickup: { code: 'JQT_PICKUP', params: ['number'] },
  overdue: { code: 'JQT_OVERDUE', params: ['number'] },
  phone_code: { code: 'JQT_PHONE_CODE', params: ['code'] },
  password_reset: { code: 'JQT_PASSWORD_RESET', params: ['link'] },
  password_changed: { code: 'JQT_PASSWORD_CHANGED', params: ['username'] },
};

export function noticeEventOf(kind: string): NoticeEvent | null {
  return NOTICE_EVENT_OF_KIND[kind] ?? null;
}

/** The template params an SMS carries: only the declared ones, as strings (providers refuse other types). */
export function smsParams(template: OffSiteTemplate, params: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(SMS_TEMPLATES[template].params.map((p) => [p, String(params[p] ?? '')]));
}
