import { useEffect, useState } from 'react';
import { Alert, App, Form, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { INDUSTRIES } from '@jqt/domain';
import type { LiaisonEnterprise } from '../api/types';
import { useLiaisonTags } from '../api/get-tags';
import { useUpdateProfile } from '../api/update-profile';
import { isApiError } from '../../../lib/api-client';
import { splitFieldErrors } from './labels';
import { checkedValues } from '../../../lib/forms';

/** Marks an enterprise key (重点企业) and edits its tags (老字号, 好品山东 …) and its industry (GB/T 4754 门类). */
export function ProfileDialog({ enterprise, onClose }: { enterprise: LiaisonEnterprise | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<{ key: boolean; tags: string[]; industry?: string | null }>();
  const tags = useLiaisonTags(!!enterprise);
  const save = useUpdateProfile();
  const [banner, setBanner] = useState<string | null>(null);

  useEffect(() => {
    if (enterprise) {
      form.setFieldsValue({ key: enterprise.key, tags: enterprise.tags, industry: enterprise.industry ?? undefined });
      setBanner(null);
    }
  }, [enterprise, form]);

  const submit = async () => {
    if (!enterprise) return;
    const v = await checkedValues(form);
    if (!v) return;
    setBanner(null);
    try {
      await save.mutateAsync({ id: enterprise.id, key: !!v.key, tags: v.tags ?? [], industry: v.industry ?? null });
      message.success(t('liaison.profileSaved'));
      onClose();
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (n[0] === 'key' || n[0] === 'tags' || n[0] === 'industry' ? [n[0]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <Modal
      open={!!enterprise}
      title={t('liaison.profileTitle', { name: enterprise?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'profile-save' } as never}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" name="liaison_profile">
        <Form.Item name="key" label={t('liaison.markKey')} valuePropName="checked" extra={t('liaison.markKeyHelp')}>
          <Switch data-testid="profile-key" />
        </Form.Item>
        <Form.Item name="tags" label={t('liaison.tags')}>
          <Select
            mode="multiple"
            allowClear
            loading={tags.isLoading}
            placeholder={t('form.selectPlaceholder', { label: t('liaison.tags') })}
            options={(tags.data ?? []).map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn || x.nameZh : x.nameZh }))}
          />
        </Form.Item>
        <Form.Item name="industry" label={t('liaison.industry')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('form.selectPlaceholder', { label: t('liaison.industry') })}
            options={INDUSTRIES.map((x) => ({ value: x.code, label: `${x.code} ${lang === 'en' ? x.en : x.zh}` }))}
          />
        </Form.Item>
        {banner ? <Alert type="error" showIcon title={banner} role="alert" /> : null}
      </Form>
    </Modal>
  );
}
