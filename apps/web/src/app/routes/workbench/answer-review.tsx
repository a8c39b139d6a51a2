import { App, Alert, Button, Card, Checkbox, Col, Form, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../features/auth/api/get-me';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useAnswerReview, useSaveAnswerReview } from '../../../features/items/api/answer-review';
import { useUnits } from '../../../features/units/api/get-units';
import { isApiError } from '../../../lib/api-client';
import { pick } from '../../../lib/i18n';

/** 答复审核设置: a unit's leader chooses the item types whose answers they review before they go out. */
export default function AnswerReviewPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const me = useMe().data;
  const unitId = me?.unitId;
  const review = useAnswerReview(unitId);
  const save = useSaveAnswerReview(unitId);
  const types = useItemTypes();
  const unit = useUnits().data?.find((u) => u.id === unitId);
  const [form] = Form.useForm<{ itemTypes: string[] }>();
  useEffect(() => {
    if (review.data) form.setFieldsValue({ itemTypes: review.data.itemTypes });
  }, [review.data, form]);

  const submit = async (v: { itemTypes?: string[] }) => {
    try {
      await save.mutateAsync(v.itemTypes ?? []);
      message.success(t('review.saved'));
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        form.setFields([{ name: 'itemTypes', errors: e.fieldErrors.map((f) => f.message) }]);
        return;
      }
      message.error(e instanceof Error ? e.message : t('common.error'));
    }
  };

  const canEdit = !!review.data?.abilities.canEdit;
  return (
    <Card title={t('review.settingsTitle')} loading={review.isLoading || types.isLoading} data-testid="answer-review-settings">
      <Space orientation="vertical" style={{ display: 'flex' }}>
        {unit ? <Typography.Text strong>{lang === 'en' ? unit.nameEn : unit.nameZh}</Typography.Text> : null}
        <Typography.Paragraph type="secondary">{t('review.settingsHelp')}</Typography.Paragraph>
        {review.isError ? <Alert type="error" showIcon title={review.error instanceof Error ? review.error.message : t('common.error')} /> : null}
        <Form form={form} layout="vertical" name="answer-review" onFinish={(v) => void submit(v)} disabled={!canEdit}>
          <Form.Item name="itemTypes" label={t('review.typesLabel')}>
            <Checkbox.Group style={{ width: '100%' }}>
              <Row gutter={[8, 8]}>
                {(types.data ?? []).map((it) => (
                  <Col key={it.code} xs={24} sm={12} lg={8}>
                    <Checkbox value={it.code} data-type={it.code}>
                      {pick(it.names, lang)}
                    </Checkbox>
                  </Col>
                ))}
              </Row>
            </Checkbox.Group>
          </Form.Item>
          {canEdit ? (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="answer-review-save">
              {t('review.save')}
            </Button>
          ) : null}
        </Form>
      </Space>
    </Card>
  );
}
