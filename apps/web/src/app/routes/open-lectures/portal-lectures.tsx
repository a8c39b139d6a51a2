import { useEffect, useState } from 'react';
import { App as AntApp, Button, Card, Col, Empty, Row, Skeleton, Tag } from 'antd';
import { LoginOutlined, TeamOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { useMySignups, usePortalLectures, type PublicLecture } from '../../../features/prevention/api/open-lectures';
import { OpenLectureFacts } from '../../../features/prevention/components/open-lecture-facts';
import { OpenLectureSignupDialog } from '../../../features/prevention/components/open-lecture-signup-dialog';

const ENTERPRISE_ROLES = ['enterprise-admin', 'enterprise-staff'];

/**
 * 公开宣讲 on the portal (public): the upcoming lectures with seats left and the waitlist. A visitor signs in to sign up
 * (and comes back to the lecture's form); a signed-in enterprise signs up here and finds it in its center.
 */
export default function PortalOpenLecturesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const isEnterprise = !!me.data && ENTERPRISE_ROLES.includes(me.data.role);
  const list = usePortalLectures();
  const mine = useMySignups(isEnterprise);
  const [signing, setSigning] = useState<PublicLecture | null>(null);
  const wanted = params.get('signup');

  // back from signing in: open the form of the lecture the visitor chose
  useEffect(() => {
    if (!wanted || !isEnterprise || !list.data) return;
    const l = list.data.find((x) => x.id === wanted);
    if (l?.open) setSigning(l);
    setParams({}, { replace: true });
  }, [wanted, isEnterprise, list.data, setParams]);

  const activeSignup = (id: string) => mine.data?.find((s) => s.lecture.id === id && s.status !== 'cancelled');
  const action = (l: PublicLecture) => {
    if (!l.open) return <Tag>{t('openLectures.closed')}</Tag>;
    if (!me.data)
      return (
        <Button icon={<LoginOutlined aria-hidden />} onClick={() => navigate(paths.login(paths.openLectures(l.id)))} data-action="sign-in-to-sign-up" aria-label={`${t('openLectures.signInToSignUp')}：${l.title}`}>
          {t('openLectures.signInToSignUp')}
        </Button>
      );
    if (!isEnterprise) return null;
    const s = activeSignup(l.id);
    if (s)
      return (
        <Link to={paths.enterprise.openLectures} data-testid="open-lecture-mine">
          {s.status === 'confirmed' ? t('openLectures.status.confirmed') : t('openLectures.waitingAt', { n: s.waitlistPosition ?? 1 })} ›
        </Link>
      );
    return (
      <Button type="primary" icon={<TeamOutlined aria-hidden />} onClick={() => setSigning(l)} data-action="sign-up" aria-label={`${t('openLectures.signUp')}：${l.title}`}>
        {l.seatsLeft > 0 ? t('openLectures.signUp') : t('openLectures.joinWaitlist')}
      </Button>
    );
  };

  return (
    <AntApp>
      <div className="jqt-content" data-testid="open-lectures">
        <h1 className="jqt-section-title" style={{ marginTop: 8 }}>
          {t('openLectures.portalTitle')}
        </h1>
        <p className="jqt-muted">{t('openLectures.portalIntro')}</p>
        {isEnterprise ? (
          <p>
            <Link to={paths.enterprise.openLectures} data-testid="open-lectures-mine-link">
              {t('openLectures.mineTitle')} ›
            </Link>
          </p>
        ) : null}
        {list.isLoading ? <Skeleton active /> : null}
        {list.data && !list.data.length ? <Empty description={t('openLectures.noneUpcoming')} /> : null}
        <Row gutter={[12, 12]} role="list" aria-label={t('openLectures.portalTitle')}>
          {(list.data ?? []).map((l) => (
            <Col key={l.id} xs={24} md={12} lg={8} role="listitem">
              <Card size="small" style={{ height: '100%' }} data-lecture={l.id} data-open={l.open ? 'true' : 'false'}>
                <OpenLectureFacts lecture={l} titleLevel={2} />
                <div style={{ marginTop: 12 }}>{action(l)}</div>
              </Card>
            </Col>
          ))}
        </Row>
        <OpenLectureSignupDialog lecture={signing} onClose={() => setSigning(null)} />
      </div>
    </AntApp>
  );
}
