import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveSensitiveWords, useSensitiveWords } from '../../../features/items/api/sensitive-words';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';

/** 敏感词表: the list in force with its version; saving makes the next version (answers are checked against it). */
export default function SensitiveWordsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const list = useSensitiveWords();
  const save = useSaveSensitiveWords();
  const [form] = Form.useForm<{ words: string }>();
  const version = list.data?.version;
  useEffect(() => {
    if (list.data) form.setFieldsValue({ words: list.data.words.join('\n') });
  }, [version, form]);

  const submit = async (v: { words: string }) => {
    try {
      const saved = await save.mutateAsync((v.words ?? '').split('\n'));
      message.success(t('staff.sensitiveWords.saved', { version: saved.version }));
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields([{ name: 'words', errors: e.fieldErrors.map((f) => f.message) }]);
        return;
      }
      message.error(e instanceof Error ? e.message : t('common.error'));
    }
  };

  return (
    <Card title={t('staff.sensitiveWords.title')} loading={list.isLoading} data-testid="sensitive-words">
      <Space orientation="vertical" style={{ display: 'flex' }}>
        <Typography.Text strong>
          {version ? t('staff.sensitiveWords.version', { version }) : t('staff.sensitiveWords.none')}
          {list.data?.savedAt ? ` · ${formatDateTime(list.data.savedAt, i18n.language)}` : ''}
        </Typography.Text>
        <Typography.Paragraph type="secondary">{t('staff.sensitiveWords.help')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item name="words" label={t('staff.sensitiveWords.title')}>
            <Input.TextArea rows={12} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('staff.sensitiveWords.save')}
          </Button>
        </Form>
      </Space>
    </Card>
  );
}
