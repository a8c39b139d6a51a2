import { Card, Col, Row, Skeleton, Space, Tag, Typography, Button, Alert } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { itemPackage, itemPackages } from '@jqt/domain';
import { paths } from '../../../config/paths';
import { pick } from '../../../lib/i18n';
import { ruleInWords } from '../../../lib/format';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useSubmitPackage } from '../../../features/packages/api/packages';
import { PackageForm } from '../../../features/packages/components/package-form';

/** 打包办 (M6): choose a package (一件事), fill one form, get one receipt for all its items. */
export default function NewPackagePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const types = useItemTypes();
  const submit = useSubmitPackage();
  if (types.isLoading) return <Skeleton active />;
  const typeOf = (code: string) => types.data?.find((it) => it.code === code);
  const code = params.get('package');
  const pkg = code ? itemPackage(code) : undefined;
  const pkgTypes = pkg?.types.map(typeOf).filter((x) => !!x) ?? [];

  if (!pkg || pkgTypes.length !== pkg.types.length) {
    return (
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('screens.package.title')}</Typography.Title>} className="jqt-wrap-title">
        <Typography.Paragraph type="secondary">{t('screens.package.intro')}</Typography.Paragraph>
        {code ? <Alert type="warning" showIcon title={t('common.notFound')} style={{ marginBottom: 12 }} /> : null}
        <Row gutter={[12, 12]}>
          {itemPackages.map((p) => (
            <Col key={p.code} xs={24} md={12}>
              <Card size="small" data-testid={`package-${p.code}`}>
                <Typography.Title level={2} style={{ fontSize: '1.1em', marginTop: 0 }}>
                  {pick(p.names, lang)}
                </Typography.Title>
                <Typography.Paragraph type="secondary">{pick(p.description, lang)}</Typography.Paragraph>
                <Space orientation="vertical" size={4} style={{ marginBottom: 12 }}>
                  {p.types.map((c) => {
                    const it = typeOf(c);
                    return it ? (
                      <span key={c}>
                        <Tag>{pick(it.names, lang)}</Tag>
                        <Typography.Text type="secondary">
                          {t('guide.handleWithin')} {ruleInWords(it.deadlines.handle[0]?.rule, t)}
                        </Typography.Text>
                      </span>
                    ) : null;
                  })}
                </Space>
                <div>
                  <Button type="primary" onClick={() => setParams({ package: p.code })} data-testid={`choose-${p.code}`}>
                    {t('screens.package.choose')}
                  </Button>
                </div>
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    );
  }

  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{pick(pkg.names, lang)}</Typography.Title>}
      extra={<Link to={paths.enterprise.packages}>{t('screens.package.other')}</Link>}
      style={{ maxWidth: 860 }}
      className="jqt-wrap-title"
    >
      <Typography.Paragraph type="secondary">{t('screens.package.formHint', { n: pkgTypes.length })}</Typography.Paragraph>
      <PackageForm
        pkg={pkg}
        types={pkgTypes}
        onSubmit={async (items) => {
          const r = await submit.mutateAsync(items);
          void navigate(paths.enterprise.package(r.packageId), { state: { packageCode: pkg.code } });
        }}
      />
    </Card>
  );
}
