import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Item } from '../../../types/api';

/** The held answer's text, as the reviewing leader reads it before sending it. */
export function PendingAnswerText({ text }: { text: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', background: 'rgba(0,0,0,0.02)', padding: 12, borderRadius: 6 }} data-testid="pending-answer-text">
      {text}
    </Typography.Paragraph>
  );
}

/** 审核: the unit sees the answer waiting for a leader; the enterprise never gets it until it is sent. */
export function PendingAnswerNotice({ item, drafter }: { item: Item; drafter: string | undefined }) {
  const { t, i18n } = useTranslation();
  if (!item.pendingAnswer) return null;
  return (
    <Alert
      style={{ marginBottom: 12 }}
      type="warning"
      showIcon
      data-testid="pending-answer"
      title={t('review.pending', { who: drafter ?? t('review.someone'), at: formatDateTime(item.pendingAnswer.at, i18n.language) })}
      description={
        <>
          <PendingAnswerText text={item.pendingAnswer.note} />
          <Typography.Text type="secondary">{t('review.clockRuns')}</Typography.Text>
        </>
      }
    />
  );
}
