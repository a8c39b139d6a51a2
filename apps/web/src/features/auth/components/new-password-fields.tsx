import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The new password twice, with the policy explained (the server checks it again). */
export function NewPasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('passwordReset.newPassword')}
        extra={t('passwordReset.policy')}
        rules={[{ required: true, message: t('form.required', { label: t('passwordReset.newPassword') }) }, { min: 8, message: t('passwordReset.tooShort') }]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('passwordReset.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required', { label: t('passwordReset.confirm') }) },
          ({ getFieldValue }) => ({ validator: (_r, v) => (!v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('passwordReset.mismatch')))) }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
    </>
  );
}

/** A server field error's name in the form (`/newPassword` → `newPassword`). */
export const fieldName = (path: string) => path.replace(/^\//, '').split(/[./]/).pop() ?? '';
