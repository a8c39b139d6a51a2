import type { MessageTable } from './index.ts';

/** Sign-in, password and registration messages. */
export const accountMessages: MessageTable = {
  'zh-CN': {
    invalid_credentials: '用户名或密码错误',
    totp_required: '请输入动态验证码（6 位数字）',
    totp_invalid: '动态验证码错误或已过期，请输入验证器上当前显示的 6 位数字',
    account_locked: '连续登录失败次数过多，账号已锁定，请 {minutes} 分钟后再试',
    demo_account_disabled: '演示账号在生产环境中不可使用',
    password_too_short: '密码至少需要 8 个字符',
    password_too_simple: '密码需包含大写字母、小写字母、数字、符号中的至少三类',
    password_too_long: '密码不能超过 128 个字符',
    uscc_registered: '该统一社会信用代码已注册，请直接登录或联系本企业管理员',
    username_taken: '该用户名已被使用，请换一个',
    username_invalid: '用户名应为 3～32 位英文字母、数字或 . _ -',
    password_current_wrong: '当前密码不正确',
    password_reused: '新密码不能与当前密码相同',
    enterprise_not_found: '企业不存在',
    unit_not_found: '单位不存在',
  },
  en: {
    invalid_credentials: 'Wrong username or password',
    totp_required: 'Enter the 6-digit code from your authenticator app',
    totp_invalid: 'The authenticator code is wrong or expired; enter the 6 digits shown now',
    account_locked: 'Too many failed sign-ins; the account is locked, try again in {minutes} minutes',
    demo_account_disabled: 'Demo accounts cannot be used in production',
    password_too_short: 'The password must have at least 8 characters',
    password_too_simple: 'The password must mix at least three of: lower-case letters, capital letters, digits, symbols',
    password_too_long: 'The password must have at most 128 characters',
    uscc_registered: 'This unified social credit code is already registered; sign in or ask your enterprise admin',
    username_taken: 'This username is taken; choose another',
    username_invalid: 'The username must be 3–32 letters, digits, dots, underscores or hyphens',
    password_current_wrong: 'The current password is wrong',
    password_reused: 'The new password must differ from the current one',
    enterprise_not_found: 'No such enterprise',
    unit_not_found: 'No such unit',
  },
};
