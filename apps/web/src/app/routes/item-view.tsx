import { Breadcrumb, Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useItem, itemKey } from '../../features/items/api/get-item';
import { ItemDetail } from '../../features/items/components/item-detail';
import { useItemType } from '../../features/item-types/api/get-item-types';
import { useUnits } from '../../features/units/api/get-units';
import { useMe } from '../../features/auth/api/get-me';
import { isApiError } from '../../lib/api-client';
import type { Item } from '../../types/api';

/** The item page shared by the enterprise center, the workbench and the dashboard (actions come from abilities). */
export function ItemView({ backTo, backLabel, after }: { backTo: string; backLabel: string; after?: (item: Item) => React.ReactNode }) {
  const { id } = useParams();
  const { t } = useTranslation();
  const qc = useQueryClient();
  const q = useItem(id);
  const me = useMe();
  const { itemType } = useItemType(q.data?.type);
  const units = useUnits(!!me.data);
  if (q.isLoading || !me.data) return <Skeleton active />;
  if (q.isError || !q.data) {
    return <Result status={isApiError(q.error) && q.error.status === 404 ? '404' : 'error'} title={(q.error as Error)?.message ?? t('common.notFound')} extra={<Link to={backTo}>{backLabel}</Link>} />;
  }
  const onStale = (current: Item | undefined) => {
    if (current) qc.setQueryData(itemKey(q.data!.id), { ...q.data, ...current, timeline: q.data!.timeline });
    void qc.invalidateQueries({ queryKey: itemKey(q.data!.id) });
  };
  return (
    <>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to={backTo}>{backLabel}</Link> }, { title: q.data.number }]} />
      <ItemDetail item={q.data} itemType={itemType} units={units.data} me={me.data} onStale={onStale} />
      {after?.(q.data)}
    </>
  );
}
