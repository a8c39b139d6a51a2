import { useState } from 'react';
import { Alert, Button, Divider, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemPackage } from '@jqt/domain';
import { FieldControl, cleanValues, fieldHelp, fieldLabel, fieldRules, widgetOf } from '../../../components/field-controls';
import { isApiError } from '../../../lib/api-client';
import { pick } from '../../../lib/i18n';
import type { FormField, FormSchema, ItemType } from '../../../types/api';
import type { PackageEntry } from '../api/packages';

type NamePath = (string | number)[];

/**
 * 一张表单: the package's shared fields once (共同信息), then each item's own fields under its name. On submit the
 * shared values are copied into every item; the server's `items.N.data.field` errors come back onto the field that
 * holds them (the shared one when the field is shared).
 */
export function PackageForm({ pkg, types, onSubmit }: { pkg: ItemPackage; types: ItemType[]; onSubmit: (items: PackageEntry[]) => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm();
  const [submitting, setSubmitting] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const shared = new Set(pkg.shared);
  const first = types[0]!;

  const field = (path: NamePath, name: string, f: FormField, required: boolean, idKey: string) => {
    const w = widgetOf(f);
    return (
      <Form.Item
        key={path.join('.')}
        name={path}
        label={fieldLabel(f, lang)}
        extra={fieldHelp(f, lang)}
        rules={fieldRules(f, required, { t, lang, checkKey: `package.${idKey}.${name}` })}
        valuePropName={w === 'boolean' ? 'checked' : 'value'}
        required={required && w !== 'attachments'}
        hasFeedback={!!f['x-check']}
        data-field={path.join('.')}
      >
        <FieldControl f={f} lang={lang} t={t} />
      </Form.Item>
    );
  };
  const fieldsOf = (schema: FormSchema) => Object.entries(schema.properties).filter(([, f]) => widgetOf(f) !== 'list');

  const finish = async (values: { shared?: Record<string, unknown>; items?: Record<string, unknown>[] }) => {
    setBanner(null);
    const entries = types.map((it, i) => ({ type: it.code, data: cleanValues(it.form, { ...(values.items?.[i] ?? {}), ...(values.shared ?? {}) }) }));
    setSubmitting(true);
    try {
      await onSubmit(entries);
    } catch (e) {
      if (!isApiError(e)) throw e;
      const onFields = new Map<string, { name: NamePath; errors: string[] }>();
      const other: string[] = [];
      for (const fe of e.fieldErrors) {
        const m = /^items\.(\d+)\.data\.([^.]+)/.exec(fe.path);
        if (!m) {
          other.push(fe.message);
          continue;
        }
        const name: NamePath = shared.has(m[2]!) ? ['shared', m[2]!] : ['items', Number(m[1]), m[2]!];
        const key = name.join('.');
        const prev = onFields.get(key);
        if (prev) {
          if (!prev.errors.includes(fe.message)) prev.errors.push(fe.message);
        } else onFields.set(key, { name, errors: [fe.message] });
      }
      const list = [...onFields.values()];
      if (list.length) {
        form.setFields(list);
        form.scrollToField(list[0]!.name, { block: 'center' });
      }
      if (other.length || !list.length) setBanner(other.length ? other.join('；') : e.message);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" name="package" onFinish={finish} disabled={submitting} scrollToFirstError requiredMark>
      <Divider titlePlacement="start">
        <Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0 }}>
          {t('screens.package.shared')}
        </Typography.Title>
      </Divider>
      {fieldsOf(first.form)
        .filter(([name]) => shared.has(name))
        .map(([name, f]) => field(['shared', name], name, f, (first.form.required ?? []).includes(name), 'shared'))}
      {types.map((it, i) => (
        <section key={it.code} data-package-item={it.code}>
          <Divider titlePlacement="start">
            <Typography.Title level={2} style={{ fontSize: '1.05em', margin: 0, whiteSpace: 'normal' }}>
              {t('screens.package.itemN', { n: i + 1, name: pick(it.names, lang) })}
            </Typography.Title>
          </Divider>
          {fieldsOf(it.form)
            .filter(([name]) => !shared.has(name))
            .map(([name, f]) => field(['items', i, name], name, f, (it.form.required ?? []).includes(name), `${i}`))}
        </section>
      ))}
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} size="large" block data-testid="package-submit">
          {t('screens.package.submit', { n: types.length })}
        </Button>
      </Form.Item>
    </Form>
  );
}
