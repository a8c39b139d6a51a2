import { useState } from 'react';
import { Alert, Button, Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { FormSchema } from '../../../types/api';
import { ApiError, isApiError } from '../../../lib/api-client';
import { todayShanghai } from '../../../lib/format';
import { FieldControl, cleanValues, fieldHelp, fieldLabel, fieldRules, widgetOf } from '../../../components/field-controls';
import { fieldErrorsOf } from '../../../components/item-form';
import { PROBLEM_OUTCOMES, VISIT_WAYS, type NewProblem, type ProblemOutcome, type Visit, type VisitWay } from '../api/types';
import { useCreateVisit } from '../api/visits';
import { namePathOf, type FieldErrorsOnForm } from './labels';

interface ProblemValues {
  text?: string;
  outcome?: ProblemOutcome;
  resolution?: string;
  item?: { data?: Record<string, unknown> };
}
interface VisitValues {
  enterpriseId?: string;
  date?: Dayjs;
  way?: VisitWay;
  centreId?: string;
  met?: string;
  summary?: string;
  pledge?: boolean;
  problems?: ProblemValues[];
}

export interface VisitFormProps {
  /** The enterprises this officer may log visits for (their own list). */
  enterprises: { id: string; name: string }[];
  enterpriseId?: string;
  centres: { id: string; name: string }[];
  /** The item type a problem turns into, with its declared form (appeal, from GET /item-types). */
  itemType: { code: string; form: FormSchema } | undefined;
  onCreated: (visit: Visit) => void;
}

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The embedded item form of a problem turned into an item: the item type's declared fields, rendered by the same
 * controls and rules as ItemForm, under `<name>.item.data` (so the server's `problems.N.item.data.title` lands here).
 * `name` is the problem's name path in its form: `[N]` inside the visit's problem list, `[]` in a form of its own.
 */
export function ProblemItemFields({ name: at, fieldPrefix, schema }: { name: (string | number)[]; fieldPrefix: string; schema: FormSchema }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties).map(([name, f]) => {
        const w = widgetOf(f);
        if (w === 'list') return null;
        return (
          <Form.Item
            key={name}
            name={[...at, 'item', 'data', name]}
            label={fieldLabel(f, lang)}
            extra={fieldHelp(f, lang)}
            rules={fieldRules(f, required.has(name), { t, lang, checkKey: `liaison.${fieldPrefix}${name}` })}
            valuePropName={w === 'boolean' ? 'checked' : 'value'}
            required={required.has(name) && w !== 'attachments'}
            data-field={`${fieldPrefix}item.data.${name}`}
          >
            <FieldControl f={f} lang={lang} t={t} />
          </Form.Item>
        );
      })}
    </>
  );
}

/**
 * A server error on a problem's item data (`rest` = the path after `item.data`) placed by ItemForm's own mapping:
 * the field's name path under the item data, or a message for a banner.
 */
export function problemItemErrors(fe: { path: string; code: string; message: string }, rest: (string | number)[], schema: FormSchema) {
  return fieldErrorsOf(new ApiError(422, { errors: [{ ...fe, path: `data.${rest.join('.')}` }] }), schema);
}

/** The item's data prefilled from the problem (its text as title and content, the person met as contact). */
export function prefilledItemData(schema: FormSchema | undefined, data: Record<string, unknown>, text: string | undefined, met: string | undefined): Record<string, unknown> {
  const props = schema?.properties ?? {};
  const fill: Record<string, unknown> = { ...data };
  if ('title' in props && !data.title && text) fill.title = text.slice(0, props.title.maxLength ?? 50);
  if ('content' in props && !data.content && text) fill.content = text;
  if ('contactName' in props && !data.contactName && met) fill.contactName = met.slice(0, props.contactName.maxLength ?? 50);
  return fill;
}

/** 一企一策 visit log: date, way, who was met, summary, the problems raised (each solved, an item, or open) and the 亲清 pledge. */
export function VisitForm({ enterprises, enterpriseId, centres, itemType, onCreated }: VisitFormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<VisitValues>();
  const create = useCreateVisit();
  const [banner, setBanner] = useState<string | null>(null);
  const way = Form.useWatch('way', form);
  const problems = Form.useWatch('problems', form) as ProblemValues[] | undefined;
  const today = todayShanghai();

  const body = (v: VisitValues) => ({
    enterpriseId: v.enterpriseId ?? '',
    date: v.date ? v.date.format('YYYY-MM-DD') : '',
    way: v.way ?? 'on-site',
    centreId: v.way === 'service-centre' ? v.centreId : undefined,
    met: v.met?.trim() ?? '',
    summary: trimmed(v.summary),
    pledge: v.pledge === true,
    problems: (v.problems ?? []).map((p): NewProblem => {
      const outcome = p.outcome ?? 'open';
      return {
        text: p.text?.trim() ?? '',
        outcome,
        resolution: outcome === 'solved' ? trimmed(p.resolution) : undefined,
        item: outcome === 'item' && itemType ? { type: itemType.code, data: cleanValues(itemType.form, p.item?.data ?? {}) } : undefined,
      };
    }),
  });

  /** The server's field errors onto the fields; the item data of a problem through ItemForm's own mapping. */
  const showErrors = (e: unknown) => {
    if (!isApiError(e) || !e.fieldErrors.length) {
      setBanner(isApiError(e) && e.status === 403 ? t('liaison.visitForbidden') : e instanceof Error ? e.message : t('common.error'));
      return;
    }
    const onFields: { name: (string | number)[]; errors: string[] }[] = [];
    const other: string[] = [];
    const push = (name: (string | number)[], msg: string) => {
      const k = name.join('.');
      const f = onFields.find((x) => x.name.join('.') === k);
      if (f) f.errors.push(msg);
      else onFields.push({ name, errors: [msg] });
    };
    const top = new Set(['enterpriseId', 'date', 'way', 'centreId', 'met', 'summary', 'pledge']);
    for (const fe of e.fieldErrors) {
      const n = namePathOf(fe.path);
      if (n.length === 1 && top.has(String(n[0]))) push([n[0]], fe.message);
      else if (n[0] === 'problems' && typeof n[1] === 'number') {
        const i = n[1];
        if (n[2] === 'item' && n[3] === 'data' && itemType && n.length > 4) {
          const mapped = problemItemErrors(fe, n.slice(4), itemType.form);
          for (const m of mapped.onFields) for (const msg of m.errors) push(['problems', i, 'item', 'data', ...m.name], msg);
          for (const msg of mapped.other) other.push(`${t('liaison.problemNo', { n: i + 1 })}：${msg}`);
        } else if (n.length === 3 && ['text', 'outcome', 'resolution'].includes(String(n[2]))) push(['problems', i, n[2]], fe.message);
        else other.push(`${t('liaison.problemNo', { n: i + 1 })}：${fe.message}`);
      } else other.push(fe.message);
    }
    form.setFields(onFields as unknown as FieldErrorsOnForm);
    if (onFields.length) form.scrollToField(onFields[0].name as never, { block: 'center' });
    if (other.length) setBanner(other.join('；'));
  };

  const finish = async () => {
    setBanner(null);
    let v: VisitValues;
    try {
      // only the embedded item forms carry browser-side rules (their declaration's); the rest the server checks
      v = await form.validateFields();
    } catch {
      return;
    }
    v = form.getFieldsValue(true) as VisitValues;
    try {
      const visit = await create.mutateAsync(body(v));
      onCreated(visit);
    } catch (e) {
      showErrors(e);
    }
  };

  const prefillItem = (index: number) => {
    const p = form.getFieldValue(['problems', index]) as ProblemValues | undefined;
    const met = form.getFieldValue('met') as string | undefined;
    form.setFieldValue(['problems', index, 'item', 'data'], prefilledItemData(itemType?.form, p?.item?.data ?? {}, p?.text, met ? String(met) : undefined));
  };

  return (
    <Form<VisitValues>
      form={form}
      layout="vertical"
      name="visit"
      onFinish={() => void finish()}
      initialValues={{ enterpriseId, date: dayjs(today), way: 'on-site', pledge: false, problems: [] }}
      disabled={create.isPending}
      requiredMark
      data-testid="visit-form"
    >
      <Form.Item name="enterpriseId" label={t('liaison.enterprise')} required>
        <Select showSearch={{ optionFilterProp: 'label' }} options={enterprises.map((e) => ({ value: e.id, label: e.name }))} placeholder={t('form.selectPlaceholder', { label: t('liaison.enterprise') })} />
      </Form.Item>
      <Space wrap size={[16, 0]} style={{ display: 'flex' }} className="jqt-liaison-row">
        <Form.Item name="date" label={t('liaison.visitDate')} required>
          <DatePicker allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="way" label={t('liaison.way')} required>
          <Radio.Group optionType="button" buttonStyle="solid" options={VISIT_WAYS.map((w) => ({ value: w, label: t(`liaison.ways.${w}`) }))} data-testid="visit-way" />
        </Form.Item>
      </Space>
      {way === 'service-centre' ? (
        <Form.Item name="centreId" label={t('liaison.centre')} required>
          <Select options={centres.map((c) => ({ value: c.id, label: c.name }))} placeholder={t('form.selectPlaceholder', { label: t('liaison.centre') })} />
        </Form.Item>
      ) : null}
      <Form.Item name="met" label={t('liaison.met')} required extra={t('liaison.metHelp')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="summary" label={t('liaison.summary')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>

      <fieldset className="jqt-list" data-field="problems">
        <legend className="jqt-list-legend">{t('liaison.problems')}</legend>
        <div className="jqt-list-help">{t('liaison.problemsHelp')}</div>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => {
                const outcome = problems?.[index]?.outcome;
                return (
                  <Card
                    key={field.key}
                    size="small"
                    style={{ marginBottom: 12, background: '#fafbfd' }}
                    role="group"
                    aria-label={t('liaison.problemNo', { n: index + 1 })}
                    data-problem={index}
                    title={t('liaison.problemNo', { n: index + 1 })}
                    extra={
                      <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('liaison.removeProblem', { n: index + 1 })} title={t('liaison.removeProblem', { n: index + 1 })} onClick={() => remove(field.name)} data-testid={`problem-remove-${index}`} />
                    }
                  >
                    <Form.Item name={[field.name, 'text']} label={t('liaison.problemText')} required>
                      <Input.TextArea rows={2} maxLength={1000} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'outcome']} label={t('liaison.outcome')} required>
                      <Radio.Group
                        options={PROBLEM_OUTCOMES.map((o) => ({ value: o, label: t(`liaison.outcomes.${o}`) }))}
                        onChange={(e) => {
                          if (e.target.value === 'item') prefillItem(index);
                        }}
                        data-testid={`problem-outcome-${index}`}
                      />
                    </Form.Item>
                    {outcome === 'solved' ? (
                      <Form.Item name={[field.name, 'resolution']} label={t('liaison.resolution')} required>
                        <Input.TextArea rows={2} maxLength={2000} />
                      </Form.Item>
                    ) : null}
                    {outcome === 'item' ? (
                      itemType ? (
                        <div className="jqt-liaison-item" data-testid={`problem-item-${index}`}>
                          <Typography.Paragraph type="secondary">{t('liaison.itemHelp')}</Typography.Paragraph>
                          <ProblemItemFields name={[field.name]} fieldPrefix={`problems.${field.name}.`} schema={itemType.form} />
                        </div>
                      ) : (
                        <Alert type="warning" showIcon title={t('liaison.itemTypeUnavailable')} />
                      )
                    ) : null}
                  </Card>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ outcome: 'open' })} data-testid="problem-add">
                {t('liaison.addProblem')}
              </Button>
            </>
          )}
        </Form.List>
      </fieldset>

      <Form.Item name="pledge" valuePropName="checked" required label={t('liaison.pledgeTitle')} data-field="pledge">
        <Checkbox data-testid="visit-pledge">{t('liaison.pledge')}</Checkbox>
      </Form.Item>
      {banner ? <Alert type="error" showIcon title={banner} style={{ marginBottom: 16 }} role="alert" data-testid="visit-error" /> : null}
      <Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={create.isPending} block data-testid="visit-submit">
          {t('liaison.saveVisit')}
        </Button>
      </Form.Item>
    </Form>
  );
}
