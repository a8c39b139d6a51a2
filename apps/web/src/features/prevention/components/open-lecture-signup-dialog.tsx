import { useState } from 'react';
import { Alert, App, Form, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { OPEN_LECTURE_ATTENDEES } from '@jqt/domain';
import { isApiError } from '../../../lib/api-client';
import { checkedValues, showServerErrors } from '../../../lib/forms';
import { useSignUp, type MySignup, type PublicLecture } from '../api/open-lectures';
import { OpenLectureFacts } from './open-lecture-facts';

/** 报名: how many people the enterprise sends (the server confirms while seats last, then waitlists). */
export function OpenLectureSignupDialog({ lecture, onClose, onDone }: { lecture: PublicLecture | null; onClose: () => void; onDone?: (s: MySignup) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ attendees: number }>();
  const signUp = useSignUp();
  const [banner, setBanner] = useState<string | null>(null);
  const { min, max } = OPEN_LECTURE_ATTENDEES;

  const submit = async () => {
    if (!lecture) return;
    setBanner(null);
    const v = await checkedValues(form);
    if (!v) return;
    try {
      const s = await signUp.mutateAsync({ lectureId: lecture.id, attendees: v.attendees });
      message.success(s.status === 'confirmed' ? t('openLectures.signedUp') : t('openLectures.signedUpWaitlist', { n: s.waitlistPosition ?? 1 }));
      form.resetFields();
      onDone?.(s);
      onClose();
    } catch (e) {
      if (!isApiError(e)) throw e;
      setBanner(showServerErrors(form, ['attendees'], e));
    }
  };

  return (
    <Modal
      open={!!lecture}
      title={t('openLectures.signUpTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('openLectures.signUp')}
      cancelText={t('openLectures.close')}
      confirmLoading={signUp.isPending}
      okButtonProps={{ 'data-testid': 'open-lecture-signup-submit' } as never}
      forceRender
    >
      {lecture ? <OpenLectureFacts lecture={lecture} titleLevel={3} /> : null}
      <Form form={form} layout="vertical" name="open-lecture-signup" initialValues={{ attendees: min }} requiredMark style={{ marginTop: 12 }}>
        <Form.Item
          name="attendees"
          label={t('openLectures.attendees')}
          extra={t('openLectures.attendeesHelp', { min, max })}
          rules={[{ required: true, type: 'integer', min, max, message: t('openLectures.attendeesHelp', { min, max }) }]}
        >
          <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
      {lecture && lecture.seatsLeft === 0 ? <Alert type="warning" showIcon title={t('openLectures.willWait')} /> : null}
      {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginTop: 8 }} /> : null}
    </Modal>
  );
}
