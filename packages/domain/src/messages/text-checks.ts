import type { MessageTable } from './table.ts';

/** The answer checks' messages (issue 13 point 1). */
export const textCheckMessages: MessageTable = {
  'zh-CN': {
    text_boilerplate_only: '内容只有“已收到”“好的”“请知悉”之类的套话，请写明办理结果或理由',
    text_too_little_substance: '内容过于简单：至少需要 {min} 个汉字的实质内容（现有 {count} 个；英文每词计 2 字）',
    text_personal_data: '不得包含他人的手机号、身份证号等个人信息（本单位值班电话除外）',
    text_sensitive_word: '含有敏感词：{words}，请修改后再发送',
    text_relevance_unconfirmed: '答复与诉求没有共同的关键词，请确认答复切合诉求后再发送',
    sensitive_words_invalid: '敏感词每行一个，1–50 个字符，最多 2000 个',
  },
  en: {
    text_boilerplate_only: 'Only boilerplate such as “received”, “OK” or “please note”: state the outcome or the reason',
    text_too_little_substance: 'Too little substance: at least {min} Chinese characters of content are needed, an English word counting as two ({count} so far)',
    text_personal_data: 'Must not contain other people’s mobile or ID numbers (the unit’s duty phone is allowed)',
    text_sensitive_word: 'Contains sensitive words: {words}; please rephrase',
    text_relevance_unconfirmed: 'The answer shares no key term with the appeal: confirm that it answers the appeal before sending',
    sensitive_words_invalid: 'One sensitive word per line, 1–50 characters, at most 2,000 words',
  },
};
