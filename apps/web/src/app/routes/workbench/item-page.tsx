import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { LegalFaqPanel } from '../../../features/prevention/components/legal-faq-panel';
import { useMe } from '../../../features/auth/api/get-me';
import { ArrivalPanel } from '../../../features/cases/components/arrival-panel';
import { CasePanel } from '../../../features/cases/components/case-panel';
import { useUnitStaff } from '../../../features/units/api/unit-staff';
import type { Item } from '../../../types/api';
import { ItemView } from '../item-view';

/** A crime report's case (stage, recoveries, 专案组) under its item, for the staff who may see it. */
function CaseOf({ item }: { item: Item }) {
  const staff = useUnitStaff(item.unitId);
  return <CasePanel itemId={item.id} staff={staff.data ?? []} />;
}

export default function WorkbenchItemPage() {
  const { t } = useTranslation();
  const me = useMe();
  const police = me.data?.role === 'officer' || me.data?.role === 'unit-leader';
  return (
    <ItemView
      backTo={paths.workbench.root}
      backLabel={t('workbench.queue')}
      extra={(item) =>
        item.type === 'legal-consultation' && (item.status === 'answered' || item.status === 'closed') ? <LegalFaqPanel item={item} /> : item.type === 'crime-report' ? (
          <CaseOf item={item} />
        ) : item.type === 'incident-linkage' ? (
          <ArrivalPanel item={item} mayRecord={police} />
        ) : null
      }
    />
  );
}
