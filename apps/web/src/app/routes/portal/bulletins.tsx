import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Grid, Input, Skeleton, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { isApiError } from '../../../lib/api-client';
import { PUBLICATION_KINDS, usePublications, type PublicationKind } from '../../../features/publications/api/get-publications';

/** M2 惠企服务专区: published policies, case bulletins and risk warnings, with kind tabs and Chinese full-text search. */
export default function BulletinsPage() {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = PUBLICATION_KINDS.includes(kindParam as PublicationKind) ? (kindParam as PublicationKind) : undefined;
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const list = usePublications(kind, q);
  const items = list.data?.pages.flatMap((p) => p.publications) ?? [];

  const update = (next: { kind?: string; q?: string }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };

  return (
    <div className="jqt-content" style={{ maxWidth: 960 }}>
      <h1 className="jqt-section-title" style={{ marginTop: 8 }}>{t('bulletins.title')}</h1>
      <p className="jqt-muted">{t('bulletins.subtitle')}</p>
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() });
        }}
        style={{ margin: '12px 0' }}
      >
        <label htmlFor="bulletins-q" className="sr-only">{t('bulletins.searchLabel')}</label>
        <Input.Search
          id="bulletins-q"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => update({ q: v.trim() })}
          placeholder={t('bulletins.searchPlaceholder')}
          enterButton={t('bulletins.search')}
          allowClear
          maxLength={50}
          size="large"
          data-testid="bulletins-search"
        />
      </form>
      <Tabs
        // five kinds fit a 390 px phone only with narrower gaps (an overflowing tab bar hides some behind a menu)
        tabBarGutter={screens.sm ? undefined : 14}
        activeKey={kind ?? 'all'}
        onChange={(k) => update({ kind: k === 'all' ? '' : k })}
        items={[{ key: 'all', label: t('bulletins.kindAll') }, ...PUBLICATION_KINDS.map((k) => ({ key: k, label: t(`bulletins.kind.${k}`) }))]}
      />
      {list.isError ? (
        <Alert type="error" showIcon role="alert" title={isApiError(list.error) ? list.error.message : t('common.error')} />
      ) : list.isLoading ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty description={q ? t('bulletins.noMatch', { q }) : t('common.empty')} />
      ) : (
        <>
          {q ? <p className="jqt-muted" aria-live="polite">{t('bulletins.resultsFor', { q })}</p> : null}
          <ul className="jqt-pub-list" data-testid="bulletins-list" aria-busy={list.isFetching}>
            {items.map((p) => (
              <li key={p.id} className="jqt-pub-item">
                <div className="jqt-pub-meta">
                  <Tag className={`jqt-kind jqt-kind-${p.kind}`}>{t(`bulletins.kind.${p.kind}`)}</Tag>
                  <time dateTime={p.publishedAt ?? p.createdAt} className="jqt-muted">{formatDateTime(p.publishedAt ?? p.createdAt, i18n.language).slice(0, i18n.language === 'en' ? undefined : 10)}</time>
                </div>
                <h2 className="jqt-pub-title">
                  <Link to={paths.bulletin(p.id)}>{p.title}</Link>
                </h2>
                {p.summary ? <p className="jqt-muted" style={{ margin: 0 }}>{p.summary}</p> : null}
              </li>
            ))}
          </ul>
          {list.hasNextPage ? (
            <div style={{ textAlign: 'center', margin: 16 }}>
              <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('common.loadMore')}</Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
