import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { useBookCentre } from '../api/enterprise-liaison';
import type { ServiceCentre, Slot } from '../api/types';
import { splitFieldErrors } from './labels';

/** A signed-in enterprise books a half-day at a service centre (a future day, morning or afternoon, a purpose). */
export function BookingDialog({ centre, onClose }: { centre: ServiceCentre | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date?: Dayjs; slot?: Slot; purpose?: string }>();
  const book = useBookCentre();
  const [banner, setBanner] = useState<string | null>(null);
  const today = todayShanghai();

  const submit = async () => {
    if (!centre) return;
    setBanner(null);
    const v = form.getFieldsValue();
    try {
      await book.mutateAsync({ centreId: centre.id, date: v.date ? v.date.format('YYYY-MM-DD') : '', slot: v.slot ?? 'am', purpose: v.purpose?.trim() ?? '' });
      message.success(t('liaison.booked', { name: centre.name }));
      form.resetFields();
      onClose();
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (['date', 'slot', 'purpose'].includes(String(n[n.length - 1])) ? [n[n.length - 1]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <Modal
      open={!!centre}
      title={t('liaison.bookTitle', { name: centre?.name ?? '' })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('liaison.book')}
      cancelText={t('common.cancel')}
      confirmLoading={book.isPending}
      okButtonProps={{ 'data-testid': 'booking-submit' } as never}
      forceRender
    >
      <Form form={form} layout="vertical" name="booking" initialValues={{ slot: 'am' }} requiredMark>
        <Form.Item name="date" label={t('liaison.bookDate')} required>
          <DatePicker disabledDate={(d) => d.format('YYYY-MM-DD') <= today} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="slot" label={t('liaison.slot')} required>
          <Radio.Group options={(['am', 'pm'] as const).map((s) => ({ value: s, label: t(`liaison.slots.${s}`) }))} />
        </Form.Item>
        <Form.Item name="purpose" label={t('liaison.purpose')} required>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
      {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
    </Modal>
  );
}
