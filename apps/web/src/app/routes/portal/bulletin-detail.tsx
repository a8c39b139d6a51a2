import { Alert, Breadcrumb, Card, Skeleton, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { isApiError } from '../../../lib/api-client';
import { usePublication } from '../../../features/publications/api/get-publications';

/** One published policy / case bulletin / risk warning. */
export default function BulletinDetailPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const q = usePublication(id);
  const p = q.data;
  return (
    <div className="jqt-content" style={{ maxWidth: 860 }}>
      <Breadcrumb style={{ margin: '8px 0' }} items={[{ title: <Link to={paths.home}>{t('portal.home')}</Link> }, { title: <Link to={paths.bulletins}>{t('bulletins.title')}</Link> }]} />
      {q.isError ? (
        <Alert type="error" showIcon role="alert" title={isApiError(q.error) && q.error.status === 404 ? t('common.notFound') : isApiError(q.error) ? q.error.message : t('common.error')} />
      ) : !p ? (
        <Skeleton active />
      ) : (
        <Card>
          <article data-testid="bulletin-detail">
            <Tag className={`jqt-kind jqt-kind-${p.kind}`}>{t(`bulletins.kind.${p.kind}`)}</Tag>
            <h1 className="jqt-section-title" style={{ margin: '8px 0' }}>{p.title}</h1>
            <p className="jqt-muted">
              {t('bulletins.publishedAt')}<time dateTime={p.publishedAt ?? p.createdAt}>{formatDateTime(p.publishedAt ?? p.createdAt, i18n.language)}</time>
            </p>
            {p.summary ? <p style={{ fontWeight: 600 }}>{p.summary}</p> : null}
            {(p.body ?? '').split(/\n+/).filter(Boolean).map((para, i) => (
              <p key={i} style={{ lineHeight: 1.9, textIndent: i18n.language === 'en' ? undefined : '2em' }}>{para}</p>
            ))}
          </article>
        </Card>
      )}
    </div>
  );
}
