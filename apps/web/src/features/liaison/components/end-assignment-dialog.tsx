import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Assignment } from '../api/types';
import { useEndAssignment } from '../api/assignments';
import { isApiError } from '../../../lib/api-client';
import { splitFieldErrors } from './labels';
import { checkedValues } from '../../../lib/forms';

/** Ends the active assignment (the subject is then without officer); the reason is kept in the history. */
export function EndAssignmentDialog({ assignment, onClose }: { assignment: Assignment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const end = useEndAssignment();
  const [banner, setBanner] = useState<string | null>(null);

  useEffect(() => {
    if (!assignment) return;
    setBanner(null);
    form.resetFields();
  }, [assignment, form]);

  const submit = async () => {
    if (!assignment) return;
    setBanner(null);
    if (!(await checkedValues(form))) return;
    try {
      await end.mutateAsync({ id: assignment.id, reason: (form.getFieldValue('reason') as string | undefined)?.trim() ?? '' });
      message.success(t('liaison.assignmentEnded', { name: assignment.officer.displayName }));
      onClose();
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (n[0] === 'reason' ? ['reason'] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <Modal
      open={!!assignment}
      title={t('liaison.endAssignmentTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('liaison.endAssignmentConfirm')}
      okButtonProps={{ danger: true, 'data-testid': 'end-assignment-confirm' } as never}
      cancelText={t('common.cancel')}
      confirmLoading={end.isPending}
      forceRender
    >
      <Typography.Paragraph>{t('liaison.endAssignmentHelp', { name: assignment?.officer.displayName ?? '' })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="end_assignment" requiredMark data-testid="end-assignment-dialog">
        <Form.Item name="reason" label={t('liaison.endReason')} required rules={[{ required: true, whitespace: true, message: t('liaison.endReasonRequired') }]} data-field="reason">
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </Form>
      {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
    </Modal>
  );
}
