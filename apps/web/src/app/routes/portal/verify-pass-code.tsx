import { Descriptions } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatUntil } from '../../../lib/format';
import { usePassCodeVerification, type PassCodeStatus } from '../../../features/verification/api/get-pass-code-verification';
import { useRoads } from '../../../features/traffic/api/access-check';
import { Verdict, type VerdictTone } from '../../../features/verification/components/verdict';
import { VerifyShell, isUnavailable } from '../../../features/verification/components/verify-shell';

const TONE: Record<PassCodeStatus, VerdictTone> = { valid: 'good', 'not-yet-valid': 'warn', expired: 'bad', revoked: 'bad' };

/**
 * 通行码核验 /pass-codes/:code?s=… — what a roadside officer's phone opens when scanning a truck's pass code:
 * valid / not yet valid / expired / revoked / not genuine, the (masked) plate to compare with the truck, the roads
 * and the validity window, large enough to read at the roadside. No sign-in.
 */
export default function VerifyPassCodePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const q = usePassCodeVerification(code, params.get('s'));
  const roads = useRoads();
  const failed = q.isError && isUnavailable(q.error);
  const v = q.data;
  const roadName = (id: string) => roads.data?.find((r) => r.id === id)?.name ?? id;

  return (
    <VerifyShell
      title={t('verify.passTitle')}
      intro={t('verify.passIntro')}
      loading={q.isPending}
      unavailable={failed}
      onRetry={() => void q.refetch()}
      retrying={q.isFetching && !q.isPending}
    >
      {v?.genuine ? (
        <>
          <Verdict tone={TONE[v.status] ?? 'bad'} verdict={v.status} title={t(`verify.passStatus.${v.status}`, { defaultValue: v.status })}>
            <p>{t(`verify.passStatusText.${v.status}`, { defaultValue: '' })}</p>
          </Verdict>
          <div className="jqt-plate-box">
            <span className="jqt-plate-caption">{t('verify.plate')}</span>
            <span className="jqt-plate" data-testid="pass-plate">
              {v.plate}
            </span>
          </div>
          <Descriptions className="jqt-verify-facts jqt-verify-pass" column={1} bordered size="middle" data-testid="verify-facts">
            <Descriptions.Item label={t('verify.validWindow')}>
              <span className="jqt-verify-window" data-testid="pass-window">
                <span>{t('verify.from', { at: formatDateTime(v.validFrom, lang, false) })}</span>
                <span>{t('verify.until', { at: formatUntil(v.validTo, lang, false) })}</span>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.roads')}>
              <span data-testid="pass-roads">
                {v.roadIds.length ? v.roadIds.map(roadName).join(lang === 'en' ? ', ' : '、') : t('verify.allRoads')}
                <br />
                <span className="jqt-muted">{v.roadClasses.map((c) => t(`verify.roadClass.${c}`, { defaultValue: c })).join(lang === 'en' ? ', ' : '、')}</span>
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.passKind')}>{t(`verify.passKinds.${v.kind}`, { defaultValue: v.kind })}</Descriptions.Item>
            <Descriptions.Item label={t('verify.passCode')}>
              <span className="jqt-verify-number">{v.code}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('verify.checkedAt')}>{formatDateTime(new Date(q.dataUpdatedAt).toISOString(), lang)}</Descriptions.Item>
          </Descriptions>
          <p className="jqt-muted jqt-verify-note">{t('verify.passNote')}</p>
        </>
      ) : v || q.isError ? (
        <Verdict tone="bad" verdict="not-genuine" title={t('verify.notGenuine')}>
          <p>{t('verify.passNotGenuineText')}</p>
          <p>
            <strong>{t('verify.advice')}</strong>
            {t('verify.passNotGenuineAdvice')}
          </p>
        </Verdict>
      ) : null}
    </VerifyShell>
  );
}
