import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { BookOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import type { ItemDetail } from '../../../types/api';
import { useItemFaq, usePublishFaq, type FaqInput } from '../api/legal-faq';

type Values = Omit<FaqInput, 'itemId'>;
const FIELDS = ['title', 'question', 'answer'] as const;

/**
 * 公职律师: an answered legal question made a public FAQ entry. The officer edits the question (removing what names
 * the enterprise) before it joins the policy library; once published, the entry is linked here.
 */
export function LegalFaqPanel({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const faq = useItemFaq(item.id);
  const publish = usePublishFaq();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const [other, setOther] = useState<string[]>([]);
  if (!faq.data || (!faq.data.faq && !faq.data.abilities.canPublish)) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');

  const finish = async (v: Values) => {
    setOther([]);
    try {
      await publish.mutateAsync({ itemId: item.id, ...v });
      message.success(t('prevention.faq.published'));
      setOpen(false);
    } catch (e) {
      if (!isApiError(e)) throw e;
      const on = e.fieldErrors.filter((fe) => (FIELDS as readonly string[]).includes(fe.path));
      form.setFields(on.map((fe) => ({ name: fe.path as (typeof FIELDS)[number], errors: [fe.message] })));
      const rest = e.fieldErrors.filter((fe) => !(FIELDS as readonly string[]).includes(fe.path)).map((fe) => fe.message);
      setOther(rest.length ? rest : on.length ? [] : [e.message]);
    }
  };

  return (
    <Card title={t('prevention.faq.title')} data-testid="legal-faq" data-published={faq.data.faq ? 'true' : 'false'}>
      {faq.data.faq ? (
        <Space orientation="vertical">
          <Typography.Text>{t('prevention.faq.isFaq')}</Typography.Text>
          <Link to={paths.bulletin(faq.data.faq.publicationId)} data-testid="legal-faq-link">
            <BookOutlined aria-hidden /> {faq.data.faq.title}
          </Link>
        </Space>
      ) : !open ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('prevention.faq.hint')}</Typography.Text>
          <Button icon={<BookOutlined aria-hidden />} onClick={() => setOpen(true)} data-testid="legal-faq-open">
            {t('prevention.faq.mark')}
          </Button>
        </Space>
      ) : (
        <Form
          form={form}
          name="faq"
          layout="vertical"
          onFinish={finish}
          initialValues={{ title: str(item.data.title), question: str(item.data.content), answer: item.answer ?? '' }}
          disabled={publish.isPending}
        >
          <Form.Item name="title" label={t('prevention.faq.faqTitle')} rules={[{ required: true, whitespace: true, message: t('prevention.faq.required') }, { min: 2, max: 100 }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="question" label={t('prevention.faq.question')} extra={t('prevention.faq.questionHelp')} rules={[{ required: true, whitespace: true, message: t('prevention.faq.required') }, { min: 5, max: 2000 }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Form.Item name="answer" label={t('prevention.faq.answer')} rules={[{ required: true, whitespace: true, message: t('prevention.faq.required') }, { min: 10, max: 5000 }]}>
            <Input.TextArea rows={6} maxLength={5000} />
          </Form.Item>
          {other.length ? <Alert type="error" showIcon title={other.join('；')} style={{ marginBottom: 12 }} /> : null}
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="legal-faq-publish">
              {t('prevention.faq.publish')}
            </Button>
            <Button onClick={() => setOpen(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
