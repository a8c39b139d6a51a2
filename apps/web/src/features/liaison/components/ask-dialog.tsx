import { useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { useAskOfficer, type AskInput } from '../api/enterprise-liaison';
import { splitFieldErrors } from './labels';

const FIELDS = ['title', 'content', 'contactName', 'contactPhone'] as const;

/** 向联络民警反映: a short appeal routed to the officer's unit and assigned to the officer (the server files it). */
export function AskDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (item: { id: string; number: string }) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AskInput>();
  const ask = useAskOfficer();
  const [banner, setBanner] = useState<string | null>(null);

  const submit = async () => {
    setBanner(null);
    const v = form.getFieldsValue();
    const body = Object.fromEntries(FIELDS.map((k) => [k, (v[k] ?? '').trim()])) as unknown as AskInput;
    try {
      const item = await ask.mutateAsync(body);
      form.resetFields();
      onCreated(item);
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => ((FIELDS as readonly string[]).includes(String(n[n.length - 1])) ? [n[n.length - 1]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <Modal
      open={open}
      title={t('liaison.askOfficer')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={ask.isPending}
      okButtonProps={{ 'data-testid': 'ask-submit' } as never}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('liaison.askHelp')}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="ask" requiredMark>
        <Form.Item name="title" label={t('liaison.askTitle')} required>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="content" label={t('liaison.askContent')} required>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="contactName" label={t('liaison.contactName')} required>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('liaison.contactPhone')} required>
          <Input maxLength={20} inputMode="tel" autoComplete="tel" />
        </Form.Item>
      </Form>
      {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
    </Modal>
  );
}
