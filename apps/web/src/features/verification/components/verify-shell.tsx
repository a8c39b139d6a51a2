import type { ReactNode } from 'react';
import { Button, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';
import { Verdict } from './verdict';

/** A 4xx answer (a malformed number, no signature) means the link cannot be genuine; anything else is "try again". */
export function isUnavailable(e: unknown): boolean {
  return !(isApiError(e) && e.status >= 400 && e.status < 500 && e.status !== 429);
}

export interface VerifyShellProps {
  title: string;
  intro: string;
  loading: boolean;
  /** A failed request (network, rate limit, server error) is not an answer: say so and offer a retry. */
  unavailable: boolean;
  onRetry: () => void;
  retrying: boolean;
  children?: ReactNode;
}

/** The frame of a public verification page: heading, the answer (or why there is none yet), when it was checked. */
export function VerifyShell({ title, intro, loading, unavailable, onRetry, retrying, children }: VerifyShellProps) {
  const { t } = useTranslation();
  return (
    <div className="jqt-content jqt-verify">
      <h1 className="jqt-verify-h1">{title}</h1>
      <p className="jqt-muted">{intro}</p>
      {loading ? (
        <div aria-busy="true" aria-label={t('verify.checking')}>
          <Skeleton active paragraph={{ rows: 4 }} />
        </div>
      ) : unavailable ? (
        <Verdict tone="warn" verdict="unavailable" title={t('verify.unavailable')}>
          <p>{t('verify.unavailableText')}</p>
        </Verdict>
      ) : (
        children
      )}
      {!loading ? (
        <div className="jqt-verify-foot">
          <Button icon={<ReloadOutlined aria-hidden />} onClick={onRetry} loading={retrying} data-testid="verify-again">
            {t('verify.again')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
