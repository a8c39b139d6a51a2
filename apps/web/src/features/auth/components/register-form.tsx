import { useState } from 'react';
import { Alert, Button, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { districts } from '@jqt/domain/org/districts.ts';
import { INDUSTRIES } from '@jqt/domain/org/industries.ts';
import { isApiError } from '../../../lib/api-client';
import { checkedValidator } from '../../../lib/validate';
import { useRegisterEnterprise, type RegisterInput } from '../api/register-enterprise';

const FIELDS = ['uscc', 'name', 'district', 'industry', 'address', 'username', 'password', 'displayName', 'mobile'];

function passwordClasses(p: string) {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((r) => r.test(p)).length;
}

/** Enterprise registration; the USCC is checked as you type by /api/v1/validate. */
export function RegisterForm({ onDone }: { onDone: (input: RegisterInput) => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const reg = useRegisterEnterprise();
  const req = (label: string) => ({ required: true, whitespace: true, message: t('form.required', { label }) });

  const finish = async (v: RegisterInput & { confirm: string }) => {
    setError(null);
    const { confirm: _c, ...input } = v;
    try {
      await reg.mutateAsync({ ...input, uscc: input.uscc.trim().toUpperCase(), address: input.address || undefined });
      onDone(input);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        const on = e.fieldErrors.filter((f) => FIELDS.includes(f.path.replace(/^\//, '').split(/[./]/).pop() ?? ''));
        form.setFields(on.map((f) => ({ name: f.path.replace(/^\//, '').split(/[./]/).pop()!, errors: [f.message] })));
        if (on.length < e.fieldErrors.length) setError(e.fieldErrors.filter((f) => !on.includes(f)).map((f) => f.message).join('；'));
      } else setError(e instanceof Error ? e.message : t('common.error'));
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={finish} name="register" scrollToFirstError>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="uscc" label={t('register.uscc')} extra={t('register.usccHelp')} hasFeedback rules={[req(t('register.uscc')), { validator: checkedValidator('uscc', 'register.uscc') }]}>
            <Input maxLength={24} autoComplete="off" style={{ textTransform: 'uppercase' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('register.name')} rules={[req(t('register.name')), { max: 100 }]}>
            <Input maxLength={100} autoComplete="organization" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="district" label={t('register.district')} rules={[req(t('register.district'))]}>
            <Select options={districts.map((d) => ({ value: d.code, label: i18n.language === 'en' ? d.en : d.zh }))} placeholder={t('form.selectPlaceholder', { label: t('register.district') })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industry" label={t('register.industry')} extra={t('register.industryHelp')} rules={[req(t('register.industry'))]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={INDUSTRIES.map((x) => ({ value: x.code, label: `${x.code} ${i18n.language === 'en' ? x.en : x.zh}` }))} placeholder={t('form.selectPlaceholder', { label: t('register.industry') })} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="address" label={t('register.address')} rules={[{ max: 200 }]}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="displayName" label={t('register.displayName')} rules={[req(t('register.displayName')), { max: 50 }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="mobile" label={t('register.mobile')} hasFeedback rules={[req(t('register.mobile')), { validator: checkedValidator('mobile', 'register.mobile') }]}>
            <Input maxLength={11} inputMode="tel" autoComplete="tel" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="username" label={t('auth.username')} extra={t('register.usernameHelp')} rules={[req(t('auth.username')), { pattern: /^[a-zA-Z0-9._-]{3,40}$/, message: t('register.usernameHelp') }]}>
            <Input autoComplete="username" maxLength={40} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="password"
            label={t('auth.password')}
            extra={t('register.passwordHelp')}
            rules={[req(t('auth.password')), { validator: async (_r, v: string) => { if (v && (v.length < 8 || passwordClasses(v) < 3)) throw new Error(t('register.passwordHelp')); } }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="confirm"
            label={t('register.confirm')}
            dependencies={['password']}
            rules={[req(t('register.confirm')), ({ getFieldValue }) => ({ validator: async (_r, v) => { if (v && v !== getFieldValue('password')) throw new Error(t('register.mismatch')); } })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" size="large" block loading={reg.isPending} data-testid="register-submit">
        {t('register.submit')}
      </Button>
    </Form>
  );
}
