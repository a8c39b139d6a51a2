import { useEffect, useState } from 'react';
import { Alert, Card, Empty, Input, List, Skeleton, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { usePublications } from '../../../features/publications/api/get-publications';
import { isApiError } from '../../../lib/api-client';
import { pick } from '../../../lib/i18n';
import type { ItemType } from '../../../types/api';

/** Every text of a service an enterprise might search by: its names, what it needs, its steps and basis, who handles it. */
function serviceText(s: ItemType): string {
  const g = s.guide;
  return [s.names.zh, s.names.en, s.routing?.zh, s.routing?.en, g.basis.zh, g.basis.en, g.handledBy.zh, g.handledBy.en, ...g.materials.flatMap((m) => [m.zh, m.en]), ...g.steps.flatMap((m) => [m.zh, m.en])]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** 站内搜索: the services (from the public catalog) and the published policies, bulletins and warnings matching the words. */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const types = useItemTypes();
  const pubs = usePublications(undefined, q);
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const services = q ? (types.data ?? []).filter((s) => s.submitters.length && words.every((w) => serviceText(s).includes(w))) : [];
  const publications = q ? (pubs.data?.pages.flatMap((p) => p.publications) ?? []) : [];

  return (
    <div className="jqt-content" style={{ maxWidth: 960 }}>
      <h1 className="jqt-section-title" style={{ marginTop: 8 }}>{t('search.title')}</h1>
      <form role="search" onSubmit={(e) => { e.preventDefault(); setParams(text.trim() ? { q: text.trim() } : {}); }} style={{ margin: '12px 0' }}>
        <label htmlFor="site-q" className="sr-only">{t('search.label')}</label>
        <Input.Search id="site-q" value={text} onChange={(e) => setText(e.target.value)} onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})} placeholder={t('search.placeholder')} enterButton={t('search.submit')} allowClear maxLength={50} size="large" data-testid="site-search" />
      </form>
      {!q ? (
        <Typography.Paragraph type="secondary">{t('search.hint')}</Typography.Paragraph>
      ) : (
        <>
          <Card size="small" title={t('search.services', { n: services.length })} style={{ marginBottom: 16 }} data-testid="search-services">
            {types.isLoading ? (
              <Skeleton active />
            ) : services.length ? (
              <List
                dataSource={services}
                renderItem={(s) => (
                  <List.Item>
                    <List.Item.Meta title={<Link to={paths.service(s.code)}>{pick(s.names, lang)}</Link>} description={pick(s.routing, lang)} />
                    <Tag>{t('search.measure', { n: s.measure })}</Tag>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('search.noServices', { q })} />
            )}
          </Card>
          <Card size="small" title={t('search.publications')} data-testid="search-publications">
            {pubs.isError ? (
              <Alert type="error" showIcon role="alert" title={isApiError(pubs.error) ? pubs.error.message : t('common.error')} />
            ) : pubs.isLoading ? (
              <Skeleton active />
            ) : publications.length ? (
              <List
                dataSource={publications}
                renderItem={(p) => (
                  <List.Item>
                    <List.Item.Meta title={<Link to={paths.bulletin(p.id)}>{p.title}</Link>} description={p.summary} />
                    <Tag>{t(`bulletins.kind.${p.kind}`, { defaultValue: p.kind })}</Tag>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('search.noPublications', { q })} />
            )}
          </Card>
        </>
      )}
    </div>
  );
}
