import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AttachmentsInput } from '../../../components/attachments-input';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { showServerErrors } from '../../../lib/forms';
import { attachmentUrl, useAnswerFinding, useReviewFinding, type Finding } from '../api/cyber';
import { FindingStatusTag, SeverityTag } from './labels';

/** One finding: its deadline, the enterprise's answer and evidence, the unit's note; the buttons the server allows. */
export function FindingCard({ finding: f }: { finding: Finding }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Card size="small" data-testid="cyber-finding" data-finding={f.id} data-status={f.status} data-severity={f.severity}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap size={6}>
          <strong>{t('cyber.findingNo', { n: f.seq })}</strong>
          <SeverityTag severity={f.severity} />
          <FindingStatusTag status={f.status} overdue={f.overdue} />
          <span className="jqt-muted">{t('cyber.dueAt', { at: formatDateTime(f.dueAt, lang) })}</span>
        </Space>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{f.description}</Typography.Paragraph>
        {f.answerText ? (
          <div className="jqt-cyber-answer">
            <Typography.Text strong>{t('cyber.answer')}</Typography.Text>
            <span className="jqt-muted"> {formatDateTime(f.answeredAt, lang)}</span>
            <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }} data-testid="cyber-answer-text">
              {f.answerText}
            </Typography.Paragraph>
            {f.attachments.map((a) => (
              <div key={a.id}>
                <a href={attachmentUrl(a.id)} data-testid="cyber-evidence">
                  {a.filename}
                </a>
              </div>
            ))}
          </div>
        ) : null}
        {f.verifyNote ? (
          <div>
            <Typography.Text strong>{t('cyber.verifyNote')}</Typography.Text>
            <span className="jqt-muted"> {formatDateTime(f.reviewedAt, lang)}</span>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{f.verifyNote}</Typography.Paragraph>
          </div>
        ) : null}
        {f.abilities.canAnswer ? <AnswerForm findingId={f.id} /> : null}
        {f.abilities.canVerify || f.abilities.canReopen ? <ReviewForm finding={f} /> : null}
      </Space>
    </Card>
  );
}

function AnswerForm({ findingId }: { findingId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string; attachmentIds?: string[] }>();
  const answer = useAnswerFinding();
  const [error, setError] = useState<string | null>(null);
  const finish = async (v: { text: string; attachmentIds?: string[] }) => {
    setError(null);
    try {
      await answer.mutateAsync({ findingId, text: v.text, attachmentIds: v.attachmentIds ?? [] });
      message.success(t('cyber.answered'));
    } catch (e) {
      if (!isApiError(e)) throw e;
      setError(showServerErrors(form, ['text', 'attachmentIds'], e));
    }
  };
  return (
    <Form form={form} name={`answer-${findingId}`} layout="vertical" onFinish={finish} disabled={answer.isPending}>
      <Form.Item name="text" label={t('cyber.answerText')} rules={[{ required: true, message: t('cyber.required') }, { min: 10, message: t('cyber.min', { n: 10 }) }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="attachmentIds" label={t('cyber.evidence')}>
        <AttachmentsInput label={t('cyber.evidence')} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="cyber-answer-submit">
        {t('cyber.submitAnswer')}
      </Button>
    </Form>
  );
}

function ReviewForm({ finding: f }: { finding: Finding }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const review = useReviewFinding();
  const [error, setError] = useState<string | null>(null);
  const send = async (action: 'verify' | 'reopen') => {
    setError(null);
    const note = (form.getFieldValue('note') as string | undefined) ?? '';
    try {
      await review.mutateAsync({ findingId: f.id, action, note });
      message.success(t(action === 'verify' ? 'cyber.verified' : 'cyber.reopened'));
    } catch (e) {
      if (!isApiError(e)) throw e;
      setError(showServerErrors(form, ['note'], e));
    }
  };
  return (
    <Form form={form} name={`review-${f.id}`} layout="vertical" disabled={review.isPending}>
      <Form.Item name="note" label={t('cyber.reviewNote')} required>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Space wrap>
        {f.abilities.canVerify ? (
          <Button type="primary" onClick={() => void send('verify')} loading={review.isPending && review.variables?.action === 'verify'} data-testid="cyber-verify">
            {t('cyber.verify')}
          </Button>
        ) : null}
        {f.abilities.canReopen ? (
          <Button danger onClick={() => void send('reopen')} loading={review.isPending && review.variables?.action === 'reopen'} data-testid="cyber-reopen">
            {t('cyber.reopen')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}
