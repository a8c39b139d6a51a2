import { App, Card, Skeleton, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useLiaisonEnterprises } from '../../../features/liaison/api/get-enterprises';
import { useServiceCentres } from '../../../features/liaison/api/service-centres';
import { VisitForm } from '../../../features/liaison/components/visit-form';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';

/** The visit log form; a problem turned into an item is filed as an appeal from the appeal type's own form. */
export default function NewVisitPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const enterpriseId = params.get('enterpriseId') ?? undefined;
  const mine = useLiaisonEnterprises({ mine: true, limit: 200 });
  const centres = useServiceCentres();
  const types = useItemTypes();
  const appeal = types.data?.find((x) => x.code === 'appeal');
  const enterprises = mine.data?.pages.flatMap((p) => p.enterprises) ?? [];
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('liaison.newVisitTitle')}</Typography.Title>} style={{ maxWidth: 900 }} className="jqt-wrap-title" data-testid="new-visit">
      {mine.isError ? (
        <LiaisonError error={mine.error} />
      ) : mine.isLoading || types.isLoading ? (
        <Skeleton active />
      ) : (
        <VisitForm
          enterprises={enterprises.map((e) => ({ id: e.id, name: e.name }))}
          enterpriseId={enterpriseId}
          centres={(centres.data ?? []).map((c) => ({ id: c.id, name: c.name }))}
          itemType={appeal ? { code: appeal.code, form: appeal.form } : undefined}
          onCreated={(v) => {
            const items = v.problems.filter((p) => p.itemNumber).map((p) => p.itemNumber);
            message.success(items.length ? t('liaison.visitSavedItems', { numbers: items.join('、') }) : t('liaison.visitSaved'));
            navigate(paths.workbench.liaisonVisits);
          }}
        />
      )}
    </Card>
  );
}
