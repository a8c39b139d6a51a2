import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemStatus } from '../types/api';

// Text colours chosen for ≥ 4.5:1 contrast on their light backgrounds.
const styles: Record<ItemStatus, { color: string; background: string; borderColor: string }> = {
  submitted: { color: '#0a4bb3', background: '#e8f0ff', borderColor: '#a8c5f7' },
  accepted: { color: '#0a4bb3', background: '#e8f0ff', borderColor: '#a8c5f7' },
  in_progress: { color: '#5b2c99', background: '#f5efff', borderColor: '#cdb6f0' },
  awaiting_supplement: { color: '#8a4600', background: '#fff4e0', borderColor: '#f5c97a' },
  answered: { color: '#1f6b0a', background: '#eefbe6', borderColor: '#a6d98a' },
  closed: { color: '#3c4150', background: '#f2f3f5', borderColor: '#c9cdd4' },
  refused: { color: '#a3151b', background: '#fff0f0', borderColor: '#f3a9ab' },
};

export function StatusTag({ status }: { status: ItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag style={styles[status] ?? styles.closed} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
