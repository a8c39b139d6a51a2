import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { ItemView } from '../item-view';

export default function WorkbenchItemPage() {
  const { t } = useTranslation();
  return <ItemView backTo={paths.workbench.root} backLabel={t('workbench.queue')} />;
}
