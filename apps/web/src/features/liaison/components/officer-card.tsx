import { Button, Card, Descriptions, Empty, Skeleton, Typography } from 'antd';
import { MessageOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Contact, MyLiaison } from '../api/types';
import { formatDateTime } from '../../../lib/format';
import { pick } from '../../../lib/i18n';

function ContactLines({ c, testId }: { c: Contact; testId: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions size="small" column={1} data-testid={testId} items={[
      { key: 'name', label: t('liaison.name'), children: <strong>{c.displayName}</strong> },
      { key: 'unit', label: t('liaison.unit'), children: pick(c.unitName, i18n.language) },
      {
        key: 'phone',
        label: t('liaison.workPhone'),
        children: (
          <a href={`tel:${c.workPhone.replace(/[^\d+]/g, '')}`} aria-label={`${t('liaison.workPhone')} ${c.workPhone}`}>
            <PhoneOutlined aria-hidden /> {c.workPhone}
          </a>
        ),
      },
    ]} />
  );
}

/** 我的联络民警: the officer (and deputy) with the unit's duty phone, and the button to ask them. */
export function OfficerCard({ liaison, loading, onAsk }: { liaison: MyLiaison | undefined; loading?: boolean; onAsk: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      title={<Typography.Title level={2} style={{ fontSize: '1.1em', margin: 0 }}>{t('liaison.myOfficer')}</Typography.Title>}
      data-testid="my-officer"
      className="jqt-wrap-title"
    >
      {loading ? (
        <Skeleton active />
      ) : !liaison?.officer ? (
        <Empty description={t('liaison.noOfficerYet')} />
      ) : (
        <>
          <ContactLines c={liaison.officer} testId="officer-contact" />
          {liaison.deputy ? (
            <>
              <Typography.Text type="secondary">{t('liaison.deputy')}</Typography.Text>
              <ContactLines c={liaison.deputy} testId="deputy-contact" />
            </>
          ) : null}
          {liaison.since ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('liaison.since', { at: formatDateTime(liaison.since, i18n.language) })}
            </Typography.Paragraph>
          ) : null}
          <Button type="primary" icon={<MessageOutlined aria-hidden />} onClick={onAsk} data-testid="ask-officer">
            {t('liaison.askOfficer')}
          </Button>
        </>
      )}
    </Card>
  );
}
