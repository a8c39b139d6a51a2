import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAdminUsers, useChangeRole, useCreateUser, useResetUserPassword, type AdminUser, type CreateUserInput } from '../../../features/admin/api/admin';
import { useMe } from '../../../features/auth/api/get-me';
import { useUnits } from '../../../features/units/api/get-units';
import { isApiError } from '../../../lib/api-client';
import type { Role } from '../../../types/api';
import { checkedValues } from '../../../lib/forms';

const ROLES: Role[] = ['enterprise-admin', 'enterprise-staff', 'applicant', 'officer', 'unit-leader', 'supervisor', 'partner', 'admin'];
const UNIT_ROLES: Role[] = ['officer', 'unit-leader', 'partner'];

export default function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const me = useMe();
  const resetPassword = useResetUserPassword();
  const [issued, setIssued] = useState<{ username: string; temporaryPassword: string } | null>(null);
  const askReset = (u: AdminUser) =>
    modal.confirm({
      title: t('passwordReset.adminConfirmTitle', { username: u.username }),
      content: t('passwordReset.adminConfirmBody'),
      okText: t('passwordReset.adminReset'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          setIssued(await resetPassword.mutateAsync(u.id));
        } catch (e) {
          message.error(e instanceof Error ? e.message : t('common.error'));
        }
      },
    });
  const users = useAdminUsers();
  const units = useUnits();
  const create = useCreateUser();
  const changeRole = useChangeRole();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [form] = Form.useForm();
  const [roleForm] = Form.useForm();
  const unitOptions = (units.data ?? []).map((u) => ({ value: u.id, label: i18n.language === 'en' ? u.nameEn : u.nameZh }));
  const unitName = (id: string | null) => unitOptions.find((o) => o.value === id)?.label ?? '—';
  const rows = users.data?.pages.flatMap((p) => p.users) ?? [];
  const fail = (f: ReturnType<typeof Form.useForm>[0], e: unknown) => {
    if (isApiError(e) && e.fieldErrors.length) f.setFields(e.fieldErrors.map((fe) => ({ name: fe.path.replace(/^\//, '').split(/[./]/).pop()!, errors: [fe.message] })));
    else message.error(e instanceof Error ? e.message : t('common.error'));
  };
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const role = Form.useWatch('role', form) as Role | undefined;
  const editRole = Form.useWatch('role', roleForm) as Role | undefined;

  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('admin.users')}</Typography.Title>}
      extra={<Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => { form.resetFields(); setCreating(true); }}>{t('admin.createUser')}</Button>}
    >
      <Table<AdminUser>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          { title: t('auth.username'), dataIndex: 'username' },
          { title: t('register.displayName'), dataIndex: 'displayName' },
          { title: t('admin.role'), dataIndex: 'role', render: (r: Role) => t(`role.${r}`) },
          { title: t('item.unit'), dataIndex: 'unitId', render: (id: string | null) => unitName(id) },
          { title: t('register.mobile'), dataIndex: 'mobile', render: (m: string | null) => m ?? '—' },
          { title: t('admin.state'), render: (_v, u) => (
            <>
              {u.disabled ? <Tag>{t('admin.disabled')}</Tag> : u.locked ? <Tag style={{ color: '#a3151b', background: '#fff0f0' }}>{t('admin.locked')}</Tag> : <Tag style={{ color: '#1f6b0a', background: '#eefbe6' }}>{t('admin.active')}</Tag>}
              {u.mustChangePassword ? <Tag style={{ color: '#7a4a00', background: '#fff7e6' }}>{t('passwordReset.mustChangeTag')}</Tag> : null}
            </>
          ) },
          { title: t('common.actions'), render: (_v, u) => (
            <Space size="small" wrap>
              <Button size="small" onClick={() => { roleForm.setFieldsValue({ role: u.role, unitId: u.unitId ?? undefined }); setEditing(u); }}>{t('admin.changeRole')}</Button>
              {u.id !== me.data?.id ? <Button size="small" data-testid={`reset-password-${u.username}`} onClick={() => askReset(u)}>{t('passwordReset.adminReset')}</Button> : null}
            </Space>
          ) },
        ]}
      />
      {users.hasNextPage ? <Button style={{ marginTop: 12 }} onClick={() => void users.fetchNextPage()}>{t('common.loadMore')}</Button> : null}
      <Modal open={creating} title={t('admin.createUser')} onCancel={() => setCreating(false)} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={create.isPending} destroyOnHidden
        onOk={async () => {
          const v = (await checkedValues(form)) as CreateUserInput | null;
          if (!v) return;
          try { await create.mutateAsync({ ...v, mobile: v.mobile || undefined }); message.success(t('common.saved')); setCreating(false); } catch (e) { fail(form, e); }
        }}>
        <Form form={form} layout="vertical" name="create-user">
          <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}><Input autoComplete="off" /></Form.Item>
          <Form.Item name="displayName" label={t('register.displayName')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="password" label={t('auth.password')} extra={t('register.passwordHelp')} rules={[{ required: true, min: 8 }]}><Input.Password autoComplete="new-password" /></Form.Item>
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}><Select options={roleOptions} /></Form.Item>
          {role && UNIT_ROLES.concat(['supervisor']).includes(role) ? <Form.Item name="unitId" label={t('item.unit')} rules={[{ required: UNIT_ROLES.includes(role) }]}><Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} /></Form.Item> : null}
          {role && ['enterprise-admin', 'enterprise-staff'].includes(role) ? <Form.Item name="enterpriseId" label={t('admin.enterpriseId')} rules={[{ required: true }]}><Input /></Form.Item> : null}
          <Form.Item name="mobile" label={t('register.mobile')}><Input inputMode="tel" /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!issued} title={t('passwordReset.adminDoneTitle', { username: issued?.username ?? '' })} onCancel={() => setIssued(null)} footer={<Button type="primary" onClick={() => setIssued(null)}>{t('common.confirm')}</Button>} destroyOnHidden>
        <Typography.Paragraph>{t('passwordReset.adminDoneBody')}</Typography.Paragraph>
        <Typography.Paragraph copyable={{ text: issued?.temporaryPassword ?? '' }} style={{ fontFamily: 'monospace', fontSize: '1.3em' }} data-testid="temporary-password">
          {issued?.temporaryPassword}
        </Typography.Paragraph>
      </Modal>
      <Modal open={!!editing} title={`${t('admin.changeRole')} · ${editing?.username ?? ''}`} onCancel={() => setEditing(null)} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={changeRole.isPending} destroyOnHidden
        onOk={async () => {
          const v = (await checkedValues(roleForm)) as { role: Role; unitId?: string } | null;
          if (!v) return;
          try { await changeRole.mutateAsync({ id: editing!.id, role: v.role, unitId: v.unitId ?? null }); message.success(t('common.saved')); setEditing(null); } catch (e) { fail(roleForm, e); }
        }}>
        <Form form={roleForm} layout="vertical" name="change-role">
          <Form.Item name="role" label={t('admin.role')} rules={[{ required: true }]}><Select options={roleOptions} /></Form.Item>
          {editRole && UNIT_ROLES.concat(['supervisor']).includes(editRole) ? <Form.Item name="unitId" label={t('item.unit')} rules={[{ required: UNIT_ROLES.includes(editRole) }]}><Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} /></Form.Item> : null}
        </Form>
      </Modal>
    </Card>
  );
}
