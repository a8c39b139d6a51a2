import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useUpdateProblem, useVisits } from '../../../features/liaison/api/visits';
import type { Visit, VisitProblem } from '../../../features/liaison/api/types';
import { VisitList } from '../../../features/liaison/components/visit-list';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';
import { splitFieldErrors } from '../../../features/liaison/components/labels';

/** The officer's visits, newest first; an open problem can be marked solved later. */
export default function MyVisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const visits = useVisits({ mine: true });
  const update = useUpdateProblem();
  const [solving, setSolving] = useState<{ visit: Visit; problem: VisitProblem } | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<{ resolution?: string }>();

  const solve = async () => {
    if (!solving) return;
    setBanner(null);
    try {
      await update.mutateAsync({ visitId: solving.visit.id, problemId: solving.problem.id, update: { outcome: 'solved', resolution: form.getFieldValue('resolution')?.trim() ?? '' } });
      message.success(t('liaison.problemSolved'));
      setSolving(null);
      form.resetFields();
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (n[n.length - 1] === 'resolution' ? ['resolution'] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('liaison.myVisits')}</Typography.Title>}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(paths.workbench.newVisit())} data-testid="new-visit-button">
          {t('liaison.logVisit')}
        </Button>
      }
      className="jqt-wrap-title"
      data-testid="liaison-visits"
    >
      {visits.isError ? (
        <LiaisonError error={visits.error} />
      ) : (
        <VisitList
          visits={visits.data}
          loading={visits.isLoading}
          itemPath={paths.workbench.item}
          enterpriseLink={(v) => <Link to={paths.workbench.enterpriseFile(v.enterpriseId)}>{v.enterpriseName}</Link>}
          problemActions={(v, p) =>
            p.outcome === 'open' ? (
              <Button size="small" type="link" onClick={() => setSolving({ visit: v, problem: p })} data-action="solve-problem">
                {t('liaison.markSolved')}
              </Button>
            ) : null
          }
        />
      )}
      <Modal open={!!solving} title={t('liaison.markSolved')} onCancel={() => setSolving(null)} onOk={() => void solve()} okText={t('common.confirm')} cancelText={t('common.cancel')} confirmLoading={update.isPending} forceRender>
        <Typography.Paragraph>{solving?.problem.text}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="solve_problem">
          <Form.Item name="resolution" label={t('liaison.resolution')} required>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
        {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
    </Card>
  );
}
