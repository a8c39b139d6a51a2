import { App, Button, Card, Empty, List, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useCancelSignup, useMySignups } from '../../../features/prevention/api/open-lectures';
import { OpenLectureFacts, SignupTag } from '../../../features/prevention/components/open-lecture-facts';

/** 我的宣讲报名: the enterprise's sign-ups, confirmed or waiting (with the place in the queue), each to cancel. */
export default function MyOpenLectureSignupsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useMySignups();
  const cancel = useCancelSignup();
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.3em', margin: 0 }}>{t('openLectures.mineTitle')}</Typography.Title>}
    >
      <p style={{ marginTop: 0 }}>
        <Link to={paths.openLectures()} data-testid="open-lectures-browse">
          {t('openLectures.browse')} ›
        </Link>
      </p>
      {list.isLoading ? (
        <Skeleton active />
      ) : !list.data?.length ? (
        <Empty description={t('openLectures.noneMine')} />
      ) : (
        <List
          dataSource={list.data}
          renderItem={(s) => (
            <List.Item key={s.id} data-signup={s.id} data-status={s.status}>
              <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                <OpenLectureFacts lecture={s.lecture} titleLevel={2} />
                <Space wrap size={8}>
                  <SignupTag s={s} />
                  <span>{t('openLectures.attendeesN', { n: s.attendees })}</span>
                  <span className="jqt-muted">{t('openLectures.signedUpAt', { at: s.signedUpAt.slice(0, 16).replace('T', ' ') })}</span>
                </Space>
                {s.abilities.canCancel ? (
                  <Popconfirm
                    title={t('openLectures.cancelSignupConfirm')}
                    okText={t('openLectures.cancelSignup')}
                    cancelText={t('openLectures.keep')}
                    onConfirm={() =>
                      cancel.mutateAsync(s.id).then(
                        () => void message.success(t('openLectures.signupCancelled')),
                        (e: unknown) => void message.error(isApiError(e) ? e.message : t('openLectures.failed')),
                      )
                    }
                  >
                    <Button danger loading={cancel.isPending && cancel.variables === s.id} data-testid="open-lecture-cancel-signup">
                      {t('openLectures.cancelSignup')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
