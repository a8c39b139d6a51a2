import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { LegalFaqPanel } from '../../../features/prevention/components/legal-faq-panel';
import { ItemView } from '../item-view';

export default function WorkbenchItemPage() {
  const { t } = useTranslation();
  return (
    <ItemView
      backTo={paths.workbench.root}
      backLabel={t('workbench.queue')}
      extra={(item) => (item.type === 'legal-consultation' && (item.status === 'answered' || item.status === 'closed') ? <LegalFaqPanel item={item} /> : null)}
    />
  );
}
