import { PUBLICATION_TEXT } from '@jqt/domain';
import { App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { showServerErrors } from '../../../lib/forms';
import { useCaseBulletin, useDraftBulletin, type BulletinText } from '../api/cases';

const FIELDS = ['title', 'summary', 'body'] as const;

/**
 * 涉企案件通报 (M2) of a concluded case: the server's proposal (no names, no investigative detail) to edit, saved once
 * as a bulletin draft that a supervisor publishes from 信息发布.
 */
export function BulletinCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useCaseBulletin(caseId, true);
  const draft = useDraftBulletin(caseId);
  const [form] = Form.useForm<BulletinText>();
  if (!q.data) return null;
  const made = q.data.publication;
  const save = async (v: BulletinText) => {
    try {
      await draft.mutateAsync(v);
      message.success(t('cases.bulletinSaved'));
    } catch (e) {
      const rest = isApiError(e) ? showServerErrors(form, FIELDS, e) : e instanceof Error ? e.message : t('common.error');
      if (rest) message.error(rest);
    }
  };
  return (
    <Card title={<Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>{t('cases.bulletinTitle')}</Typography.Title>} data-testid="case-bulletin">
      {made ? (
        <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="case-bulletin-made">
          {t('cases.bulletinMade')} <Link to={paths.workbench.publication(made.id)}>{made.title}</Link>
        </Typography.Paragraph>
      ) : (
        <Form form={form} layout="vertical" name="case-bulletin" initialValues={q.data.proposal} onFinish={save}>
          <Typography.Paragraph type="secondary">{t('cases.bulletinHint')}</Typography.Paragraph>
          <Form.Item name="title" label={t('cases.bulletinFieldTitle')} rules={[{ required: true, ...PUBLICATION_TEXT.title, message: t('cases.bulletinTitleRule', PUBLICATION_TEXT.title) }]}>
            <Input maxLength={PUBLICATION_TEXT.title.max} />
          </Form.Item>
          <Form.Item name="summary" label={t('cases.bulletinFieldSummary')} rules={[{ required: true, ...PUBLICATION_TEXT.summary, message: t('cases.bulletinSummaryRule', PUBLICATION_TEXT.summary) }]}>
            <Input.TextArea rows={2} maxLength={PUBLICATION_TEXT.summary.max} />
          </Form.Item>
          <Form.Item name="body" label={t('cases.bulletinFieldBody')} rules={[{ required: true, ...PUBLICATION_TEXT.body, message: t('cases.bulletinBodyRule', PUBLICATION_TEXT.body) }]}>
            <Input.TextArea rows={6} maxLength={PUBLICATION_TEXT.body.max} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={draft.isPending} data-testid="case-bulletin-submit">
            {t('cases.bulletinSubmit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
