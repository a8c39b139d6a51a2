import type { MessageTable } from '../messages/table.ts';

type Kind = 'uscc' | 'idcard' | 'plate' | 'mobile' | 'vin';

/** The four pre-format rules (see shared.ts `precheck`) read the same for every kind but the name. */
function shared(kind: Kind, zh: string, en: string): MessageTable {
  return {
    'zh-CN': {
      [`${kind}_empty`]: `请填写${zh}`,
      [`${kind}_not_string`]: `${zh}应以文本形式填写（从表格导入时，请把该列设为“文本”格式）`,
      [`${kind}_whitespace`]: `${zh}中不能有空格：第{position}位是空格（共{count}处，含全角空格），请删除后重新输入`,
      [`${kind}_fullwidth`]: `${zh}第{position}位“{char}”是全角字符（共{count}处），请切换到半角（英文）输入法，输入“{halfwidth}”`,
    },
    en: {
      [`${kind}_empty`]: `Enter the ${en}`,
      [`${kind}_not_string`]: `The ${en} must be text (when importing a spreadsheet, format that column as Text)`,
      [`${kind}_whitespace`]: `The ${en} must not contain spaces: character {position} is a space ({count} in total, full-width spaces included); remove them`,
      [`${kind}_fullwidth`]: `Character {position} "{char}" of the ${en} is full-width ({count} in total); switch to half-width input and type "{halfwidth}"`,
    },
  };
}

const specific: MessageTable = {
  'zh-CN': {
    uscc_length: '统一社会信用代码应为 {expected} 位，当前为 {actual} 位',
    uscc_forbidden_letter: '第{position}位“{char}”：统一社会信用代码不使用字母 I、O、Z、S、V，请核对是否应为数字 1、0、2、5 或字母 U',
    uscc_invalid_char: '第{position}位“{char}”不是有效字符：统一社会信用代码只由数字和大写字母（不含 I、O、Z、S、V）组成',
    uscc_authority: '第1位（登记管理部门代码）不能是“{char}”，应为 1～9、A、N 或 Y（企业通常为 9）',
    uscc_institution_type: '第2位（机构类别代码）不能是“{char}”，应为数字 1～9（企业通常为 1）',
    uscc_division: '第3～8位是登记机关行政区划码，只能是数字，第{position}位却是“{char}”',
    uscc_check_digit: '第18位校验码错误，应为“{expected}”，当前为“{actual}”；请核对前17位是否抄错',

    idcard_legacy_15: '这是 15 位的旧身份证号码，请填写 18 位的居民身份证号码',
    idcard_length: '身份证号码应为 {expected} 位，当前为 {actual} 位',
    idcard_invalid_char: '第{position}位“{char}”无效：身份证号码前17位只能是数字，第18位为数字或 X',
    idcard_region: '前6位地址码“{region}”不是有效的行政区划代码，请核对',
    idcard_birthdate: '第7～14位出生日期“{birth}”不是有效日期，请核对',
    idcard_birth_year: '出生年份 {year} 早于 1900 年，请核对第7～10位',
    idcard_birth_future: '出生日期 {birth} 晚于今天，请核对第7～14位',
    idcard_check_digit: '第18位校验码错误，应为“{expected}”，当前为“{actual}”；请核对前17位是否抄错',

    plate_separator: '车牌号中不要输入分隔符“{char}”（第{position}位），请连续填写，如“鲁C12345”',
    plate_province: '第1位应为省份简称汉字（如“鲁”），当前为“{char}”',
    plate_city: '第2位应为发牌机关代号字母（A～Z，不含 I、O），当前为“{char}”',
    plate_length: '车牌号应为 7 位（新能源车 8 位），当前为 {actual} 位',
    plate_forbidden_letter: '第{position}位“{char}”：车牌中不使用字母 I 和 O，请核对是否应为数字 1 或 0',
    plate_suffix_position: '“{char}”字只能作为普通车牌的最后一位（第7位），如“鲁C1234{char}”',
    plate_invalid_char: '第{position}位“{char}”不能用于车牌：只能是数字和字母，末位可为“挂”“学”“警”',
    plate_nev_serial: '车牌后6位“{serial}”不符合新能源车牌规则：小型车第3位为 D、A、B、C、E、F、G、H、J、K 之一且最后4位为数字；大型车第3～7位为数字且第8位为 D 或 F（普通车牌只有 7 位）',

    mobile_country_code: '请去掉国家代码“+86”或“86”，只填写 11 位手机号码',
    mobile_separator: '手机号码中不要输入“{char}”（第{position}位），请只填写 11 位数字',
    mobile_invalid_char: '第{position}位“{char}”不是数字，手机号码只能由 11 位数字组成',
    mobile_length: '手机号码应为 {expected} 位数字，当前为 {actual} 位',
    mobile_prefix: '手机号码应以 13～19 开头，当前以“{prefix}”开头，请核对',

    vin_length: '车辆识别代号（VIN）应为 {expected} 位，当前为 {actual} 位',
    vin_forbidden_letter: '第{position}位“{char}”：车辆识别代号不使用字母 I、O、Q，请核对是否应为数字 1 或 0',
    vin_invalid_char: '第{position}位“{char}”不是有效字符：车辆识别代号只由数字和大写字母组成',
    vin_check_digit: '第9位校验位错误，应为“{expected}”，当前为“{actual}”；请核对其他各位是否抄错',

    validation_unknown_kind: '不支持的校验类型“{kind}”',
  },
  en: {
    uscc_length: 'The unified social credit code must have {expected} characters; this one has {actual}',
    uscc_forbidden_letter: 'Character {position} "{char}": the code never uses the letters I, O, Z, S, V; check whether it should be 1, 0, 2, 5 or U',
    uscc_invalid_char: 'Character {position} "{char}" is not allowed: the code uses only digits and capital letters except I, O, Z, S, V',
    uscc_authority: 'Character 1 (registration authority) cannot be "{char}"; it must be 1–9, A, N or Y (9 for enterprises)',
    uscc_institution_type: 'Character 2 (institution type) cannot be "{char}"; it must be a digit 1–9 (1 for enterprises)',
    uscc_division: 'Characters 3–8 are the administrative division code and must be digits, but character {position} is "{char}"',
    uscc_check_digit: 'Check character 18 is wrong: it should be "{expected}", not "{actual}"; check the first 17 characters for typos',

    idcard_legacy_15: 'This is an old 15-digit ID number; enter the 18-character resident ID number',
    idcard_length: 'The ID number must have {expected} characters; this one has {actual}',
    idcard_invalid_char: 'Character {position} "{char}" is not allowed: the first 17 characters are digits, the 18th a digit or X',
    idcard_region: 'The address code "{region}" (first 6 digits) is not a valid administrative division code',
    idcard_birthdate: 'The birth date "{birth}" (characters 7–14) is not a valid date',
    idcard_birth_year: 'The birth year {year} is before 1900; check characters 7–10',
    idcard_birth_future: 'The birth date {birth} is after today; check characters 7–14',
    idcard_check_digit: 'Check character 18 is wrong: it should be "{expected}", not "{actual}"; check the first 17 characters for typos',

    plate_separator: 'Do not type the separator "{char}" (character {position}); write the plate without gaps, e.g. "鲁C12345"',
    plate_province: 'Character 1 must be a province abbreviation such as "鲁", not "{char}"',
    plate_city: 'Character 2 must be the issuing-authority letter (A–Z except I and O), not "{char}"',
    plate_length: 'A plate number has 7 characters (8 for new-energy vehicles); this one has {actual}',
    plate_forbidden_letter: 'Character {position} "{char}": plates never use the letters I and O; check whether it should be 1 or 0',
    plate_suffix_position: '"{char}" can only be the last (7th) character of an ordinary plate, e.g. "鲁C1234{char}"',
    plate_invalid_char: 'Character {position} "{char}" cannot appear on a plate: only digits and letters, with 挂, 学 or 警 as the last character',
    plate_nev_serial: 'The last 6 characters "{serial}" do not follow the new-energy plate rules: small vehicles have D, A, B, C, E, F, G, H, J or K as character 3 and digits as the last 4; large vehicles have digits as characters 3–7 and D or F as character 8 (ordinary plates have only 7 characters)',

    mobile_country_code: 'Remove the country code "+86" or "86" and enter the 11-digit mobile number only',
    mobile_separator: 'Do not type "{char}" (character {position}); enter the 11 digits only',
    mobile_invalid_char: 'Character {position} "{char}" is not a digit; a mobile number has 11 digits only',
    mobile_length: 'A mobile number has {expected} digits; this one has {actual}',
    mobile_prefix: 'A mobile number starts with 13 to 19, not "{prefix}"',

    vin_length: 'The VIN must have {expected} characters; this one has {actual}',
    vin_forbidden_letter: 'Character {position} "{char}": a VIN never uses the letters I, O, Q; check whether it should be 1 or 0',
    vin_invalid_char: 'Character {position} "{char}" is not allowed: a VIN uses only digits and capital letters',
    vin_check_digit: 'Check digit 9 is wrong: it should be "{expected}", not "{actual}"; check the other characters for typos',

    validation_unknown_kind: 'Unknown validator kind "{kind}"',
  },
};

const parts: MessageTable[] = [
  shared('uscc', '统一社会信用代码', 'unified social credit code'),
  shared('idcard', '身份证号码', 'ID number'),
  shared('plate', '车牌号', 'plate number'),
  shared('mobile', '手机号码', 'mobile number'),
  shared('vin', '车辆识别代号（VIN）', 'VIN'),
  specific,
];

export const validationMessages: MessageTable = {
  'zh-CN': Object.assign({}, ...parts.map((p) => p['zh-CN'])),
  en: Object.assign({}, ...parts.map((p) => p.en)),
};
