import { App, Alert, Button, Drawer, Form, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetSpecialists, useUnitStaff } from '../../../features/units/api/unit-staff';
import { isApiError } from '../../../lib/api-client';
import type { Unit } from '../../../types/api';
import { checkedValues } from '../../../lib/forms';

/** An admin names a unit's 服务专员 from its handling staff; the server's 422 lands on the field. */
export function UnitSpecialistsDrawer({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const lang = i18n.language;
  const staff = useUnitStaff(unit?.id, !!unit);
  const save = useSetSpecialists(unit?.id);
  const [form] = Form.useForm<{ userIds: string[] }>();
  const current = (staff.data ?? []).filter((s) => s.specialist);

  useEffect(() => {
    if (staff.data) form.setFieldsValue({ userIds: staff.data.filter((s) => s.specialist).map((s) => s.id) });
  }, [staff.data, form]);

  const submit = async () => {
    const v = await checkedValues(form);
    if (!v) return;
    const { userIds } = v;
    form.setFields([{ name: 'userIds', errors: [] }]);
    try {
      await save.mutateAsync(userIds ?? []);
      message.success(t('admin.specialistsSaved'));
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields([{ name: 'userIds', errors: e.fieldErrors.map((f) => f.message) }]);
        return;
      }
      message.error(e instanceof Error ? e.message : t('common.error'));
    }
  };

  const name = unit ? (lang === 'en' ? unit.nameEn : unit.nameZh) : '';
  return (
    <Drawer open={!!unit} onClose={onClose} title={t('admin.specialistsOf', { unit: name })} size="large" styles={{ wrapper: { maxWidth: '100vw' } }} destroyOnHidden data-testid="specialists-drawer">
      <Typography.Paragraph type="secondary">{t('admin.specialistsHelp')}</Typography.Paragraph>
      <Typography.Paragraph data-testid="current-specialists">
        <Typography.Text type="secondary">{t('admin.currentSpecialists')}</Typography.Text>
        {current.length ? current.map((s) => <Tag key={s.id} color="blue">{s.displayName}</Tag>) : <Typography.Text>{t('admin.noSpecialists')}</Typography.Text>}
      </Typography.Paragraph>
      {staff.isError ? <Alert type="error" showIcon title={t('common.error')} /> : null}
      {staff.data && !staff.data.length ? <Alert type="info" showIcon title={t('admin.noStaff')} /> : null}
      <Form form={form} layout="vertical" name="specialists" onFinish={() => void submit()} onValuesChange={() => form.setFields([{ name: 'userIds', errors: [] }])}>
        <Form.Item name="userIds" label={t('admin.specialists')}>
          <Select
            mode="multiple"
            allowClear
            loading={staff.isLoading}
            data-testid="specialists-select"
            showSearch={{ optionFilterProp: 'label' }}
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
            optionRender={(o) => {
              const s = staff.data?.find((x) => x.id === o.value);
              return (
                <Space size={4} wrap>
                  <span>{s?.displayName}</span>
                  {s ? <Tag>{t(`role.${s.role}`, { defaultValue: s.role })}</Tag> : null}
                </Space>
              );
            }}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="specialists-save">
            {t('admin.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Drawer>
  );
}
