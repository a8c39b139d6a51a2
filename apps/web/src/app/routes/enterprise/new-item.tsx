import { App, Card, Col, Result, Row, Skeleton, Typography, Button, Alert } from 'antd';
import { useNavigate, useSearchParams, Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ItemForm } from '../../../components/item-form';
import { paths } from '../../../config/paths';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useCreateItem } from '../../../features/items/api/create-item';
import { pick } from '../../../lib/i18n';
import { ruleInWords } from '../../../lib/format';

/** Pick a type, then fill in the form rendered from its declaration. */
export default function NewItemPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const types = useItemTypes();
  const create = useCreateItem();
  const code = params.get('type');
  if (types.isLoading) return <Skeleton active />;
  const available = (types.data ?? []).filter((it) => !it.filedVia && (it.submitters.includes('enterprise') || it.submitters.includes('applicant')));
  const itemType = available.find((it) => it.code === code);

  if (!itemType) {
    return (
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('enterprise.pickType')}</Typography.Title>}>
        {code ? <Alert type="warning" showIcon title={t('common.notFound')} style={{ marginBottom: 12 }} /> : null}
        <Row gutter={[12, 12]}>
          {available.map((it) => (
            <Col key={it.code} xs={24} sm={12} lg={8}>
              <Card size="small" hoverable onClick={() => setParams({ type: it.code })} data-testid={`pick-${it.code}`}>
                <Button type="link" style={{ padding: 0, fontWeight: 600 }} onClick={() => setParams({ type: it.code })}>
                  {pick(it.names, lang)}
                </Button>
                <div>
                  <Typography.Text type="secondary">
                    {t('guide.measure', { n: it.measure })} · {t('guide.handleWithin')} {ruleInWords(it.deadlines.handle[0]?.rule, t)}
                  </Typography.Text>
                </div>
              </Card>
            </Col>
          ))}
        </Row>
        {!available.length ? <Result status="info" title={t('common.empty')} /> : null}
      </Card>
    );
  }

  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{pick(itemType.names, lang)}</Typography.Title>}
      extra={<Link to={paths.service(itemType.code)}>{t('guide.title')}</Link>}
      style={{ maxWidth: 860 }}
      className="jqt-wrap-title"
    >
      <Typography.Paragraph type="secondary">
        {t('enterprise.formHint', { accept: ruleInWords(itemType.deadlines.accept?.rule, t), handle: ruleInWords(itemType.deadlines.handle[0]?.rule, t) })}
      </Typography.Paragraph>
      <ItemForm
        idPrefix={`new-${itemType.code}`}
        schema={itemType.form}
        onSubmit={async (data, key) => {
          const item = await create.mutateAsync({ type: itemType.code, data, key });
          message.success(t('enterprise.submitted', { number: item.number }));
          // A crime report is followed on its case page (stage, unit, losses recovered).
          navigate(item.type === 'crime-report' ? paths.enterprise.case(item.id) : paths.enterprise.item(item.id));
        }}
      />
    </Card>
  );
}
