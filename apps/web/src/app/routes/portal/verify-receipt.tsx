import { Descriptions } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../lib/i18n';
import { formatDateTime } from '../../../lib/format';
import { useReceiptVerification, type DisclosedCertificate } from '../../../features/verification/api/get-receipt-verification';
import { Verdict } from '../../../features/verification/components/verdict';
import { VerifyShell, isUnavailable } from '../../../features/verification/components/verify-shell';

/**
 * 回执核验 /verify/:number?s=… — what a scanned receipt or decision QR code opens: genuine (green, with the facts the
 * holder may disclose) or not (red, with whom to call). No sign-in; nothing personal is shown.
 */
export default function VerifyReceiptPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { number = '' } = useParams();
  const [params] = useSearchParams();
  const q = useReceiptVerification(number, params.get('s'));
  const failed = q.isError && isUnavailable(q.error);
  const v = q.data;
  const at = (iso: string | null | undefined) => formatDateTime(iso, lang);
  const certName = (c: DisclosedCertificate) => (c.name ? pick(c.name, lang) : c.kind);

  return (
    <VerifyShell
      title={t('verify.receiptTitle')}
      intro={t('verify.receiptIntro')}
      loading={q.isPending}
      unavailable={failed}
      onRetry={() => void q.refetch()}
      retrying={q.isFetching && !q.isPending}
    >
      {v?.genuine ? (
        <>
          <Verdict tone="good" verdict="genuine" title={t('verify.genuine')}>
            <p>{t('verify.genuineText')}</p>
          </Verdict>
          <Descriptions className="jqt-verify-facts" column={1} bordered size="middle" data-testid="verify-facts">
            <Descriptions.Item label={t('verify.number')}>
              <span className="jqt-verify-number" data-testid="verify-number">{v.number}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.type')}>{pick(v.typeName, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('verify.unit')}>{v.unit ? pick(v.unit, lang) : '—'}</Descriptions.Item>
            {/* A rectification notice shows its progress, never its findings; a receipt or decision its status and dates. */}
            {v.kind === 'cyber-notice' ? (
              <>
                <Descriptions.Item label={t('cyber.noticeVerify.enterprise')}>{v.enterpriseName ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('cyber.noticeVerify.inspectedOn')}>{v.inspectedOn ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('cyber.noticeVerify.issuedAt')}>{at(v.issuedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('cyber.noticeVerify.progress')}>
                  <strong data-testid="verify-status" data-status={v.rectified ? 'rectified' : 'rectifying'}>{t(v.rectified ? 'cyber.noticeVerify.rectified' : 'cyber.noticeVerify.rectifying')}</strong>
                  <div className="jqt-muted">{t('cyber.noticeVerify.progressText', { ...v.findings })}</div>
                </Descriptions.Item>
              </>
            ) : (
              <>
                <Descriptions.Item label={t('verify.status')}>
                  <strong data-testid="verify-status" data-status={v.status}>{t(`status.${v.status}`, { defaultValue: v.status })}</strong>
                </Descriptions.Item>
                {v.decision ? (
                  <Descriptions.Item label={t('verify.decision')}>
                    <strong data-testid="verify-decision" data-decision={v.decision}>{t(`decision.${v.decision}`)}</strong>
                  </Descriptions.Item>
                ) : null}
                {v.certificates?.length
                  ? v.certificates.map((c) => (
                      <Descriptions.Item key={`${c.kind}-${c.number}`} label={certName(c)}>
                        <span className="jqt-verify-number" data-testid="verify-certificate">{c.number}</span>
                        <div className="jqt-muted">{[c.unit ? pick(c.unit, lang) : null, c.issuedAt ? t('verify.issuedAt', { at: at(c.issuedAt) }) : null].filter(Boolean).join(' · ')}</div>
                      </Descriptions.Item>
                    ))
                  : null}
                <Descriptions.Item label={t('verify.submittedAt')}>{at(v.submittedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('verify.acceptedAt')}>{at(v.acceptedAt)}</Descriptions.Item>
                <Descriptions.Item label={t('verify.dueAt')}>{at(v.dueAt)}</Descriptions.Item>
                {v.answeredAt ? <Descriptions.Item label={t('verify.answeredAt')}>{at(v.answeredAt)}</Descriptions.Item> : null}
                {v.closedAt ? <Descriptions.Item label={t('verify.closedAt')}>{at(v.closedAt)}</Descriptions.Item> : null}
              </>
            )}
          </Descriptions>
          <p className="jqt-muted jqt-verify-note">{t(v.kind === 'cyber-notice' ? 'cyber.noticeVerify.note' : 'verify.disclosureNote')}</p>
        </>
      ) : v || q.isError ? (
        <Verdict tone="bad" verdict="not-genuine" title={t('verify.notGenuine')}>
          <p>{t('verify.notGenuineText', { number })}</p>
          <p>
            <strong>{t('verify.advice')}</strong>
            {t('verify.notGenuineAdvice')}
          </p>
        </Verdict>
      ) : null}
    </VerifyShell>
  );
}
