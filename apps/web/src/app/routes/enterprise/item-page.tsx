import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { ItemView } from '../item-view';

export default function EnterpriseItemPage() {
  const { t } = useTranslation();
  return <ItemView backTo={paths.enterprise.items} backLabel={t('enterprise.myItems')} />;
}
