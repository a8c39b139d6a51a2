import { Alert, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../lib/api-client';

/** A failed liaison read: 403 says the screen is not for this account; anything else shows the server's message. */
export function LiaisonError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 403) return <Result status="403" title="403" subTitle={t('liaison.forbidden')} />;
  if (isApiError(error) && error.status === 404) return <Result status="404" title="404" subTitle={t('common.notFound')} />;
  return <Alert type="error" showIcon role="alert" title={error instanceof Error ? error.message : t('common.error')} />;
}
