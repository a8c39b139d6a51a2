import { Checkbox, Form, Space, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkOutgoingText, formatMessage, itemType, subjectOf, type OutgoingTextKind, type OutgoingTextReport } from '@jqt/domain';
import type { Item } from '../../../types/api';
import type { TextCheckContext } from '../api/get-text-check-context';

/** The domain's answer checks on what the officer is typing: the same function the server runs before saving. */
export function reportOn(text: string, kind: OutgoingTextKind, item: Item, context: TextCheckContext | undefined, relevanceConfirmed: boolean): OutgoingTextReport {
  return checkOutgoingText(text ?? '', {
    kind,
    subject: subjectOf(itemType(item.type) ?? {}, (item.data ?? {}) as Record<string, unknown>),
    unitPhone: context?.unitPhone ?? null,
    sensitiveWords: context?.sensitiveWords ?? null,
    relevanceConfirmed,
  });
}

/** The messages of a report's errors on one field, in the page's language (from the domain's message table). */
export function messagesOn(report: OutgoingTextReport, path: string, lang: string): string[] {
  return report.errors.filter((e) => e.path === path).map((e) => formatMessage(lang === 'en' ? 'en' : 'zh-CN', e.code, e.params));
}

/** The checks, each with its state, under the note as the officer types. */
export function TextCheckList({ report, text }: { report: OutgoingTextReport; text: string }) {
  const { t } = useTranslation();
  const has = (code: string) => report.errors.some((e) => e.code === code);
  const typed = (text ?? '').trim() !== '';
  const rows: { key: string; ok: boolean; warn?: boolean; label: string }[] = [
    {
      key: 'substance',
      ok: typed && !has('text_boilerplate_only') && !has('text_too_little_substance'),
      label: has('text_boilerplate_only') ? t('staff.checks.boilerplate') : t('staff.checks.substance', { count: report.substance.count, min: report.substance.min }),
    },
    { key: 'personal', ok: !has('text_personal_data'), label: t('staff.checks.personalData') },
    {
      key: 'sensitive',
      ok: !has('text_sensitive_word'),
      label: has('text_sensitive_word')
        ? t('staff.checks.sensitiveHit', { words: String(report.errors.find((e) => e.code === 'text_sensitive_word')?.params?.words ?? '') })
        : t('staff.checks.sensitive', { version: report.sensitiveWordsVersion ?? 0 }),
    },
  ];
  if (report.relevance) {
    rows.push({
      key: 'relevance',
      ok: !report.relevance.needsConfirmation,
      warn: report.relevance.needsConfirmation,
      label: report.relevance.needsConfirmation
        ? t('staff.checks.relevanceNone', { terms: report.relevance.keyTerms.slice(0, 8).join('、') })
        : t('staff.checks.relevanceShared', { terms: report.relevance.shared.slice(0, 5).join('、') }),
    });
  }
  return (
    <div data-testid="text-checks" aria-live="polite" style={{ marginTop: -8, marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('staff.checks.title')}</Typography.Text>
      <Space orientation="vertical" size={2} style={{ display: 'flex' }}>
        {rows.map((r) => (
          <Typography.Text key={r.key} data-check={r.key} data-ok={r.ok ? 'true' : 'false'} type={r.ok ? 'success' : r.warn ? 'warning' : typed ? 'danger' : 'secondary'}>
            {r.ok ? <CheckCircleOutlined /> : r.warn ? <ExclamationCircleOutlined /> : <CloseCircleOutlined />} {r.label}
          </Typography.Text>
        ))}
      </Space>
    </div>
  );
}

/** The officer's confirmation, asked only when the answer shares none of the appeal's key terms. */
export function RelevanceConfirm({ needed, label, message }: { needed: boolean; label: string; message: string }) {
  if (!needed) return null;
  return (
    <Form.Item
      name="relevanceConfirmed"
      valuePropName="checked"
      rules={[{ validator: (_, v) => (v === true ? Promise.resolve() : Promise.reject(new Error(message))) }]}
    >
      <Checkbox data-testid="relevance-confirm">{label}</Checkbox>
    </Form.Item>
  );
}
