import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { CheckOutlined, FileAddOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { isApiError } from '../../../lib/api-client';
import { useMe } from '../../../features/auth/api/get-me';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { cleanValues } from '../../../components/field-controls';
import { LedgerButton } from '../../../components/ledger-button';
import { useUpdateProblem, useVisits, visitQuery } from '../../../features/liaison/api/visits';
import type { Visit, VisitProblem } from '../../../features/liaison/api/types';
import { VisitList } from '../../../features/liaison/components/visit-list';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';
import { namePathOf, splitFieldErrors, type FieldErrorsOnForm } from '../../../features/liaison/components/labels';
import { ProblemItemFields, prefilledItemData, problemItemErrors } from '../../../features/liaison/components/visit-form';
import { checkedValues } from '../../../lib/forms';

type Target = { visit: Visit; problem: VisitProblem };

/** The officer's visits, newest first; an open problem of their own visit can be marked solved or turned into an appeal later. */
export default function MyVisitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const visits = useVisits({ mine: true });
  const types = useItemTypes();
  const appeal = types.data?.find((x) => x.code === 'appeal');
  const update = useUpdateProblem();
  const [solving, setSolving] = useState<Target | null>(null);
  const [filing, setFiling] = useState<Target | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<{ resolution?: string }>();
  const [itemForm] = Form.useForm<{ item?: { data?: Record<string, unknown> } }>();

  useEffect(() => {
    setBanner(null);
    if (solving) form.resetFields();
  }, [solving, form]);
  useEffect(() => {
    setBanner(null);
    if (!filing) return;
    itemForm.resetFields();
    itemForm.setFieldValue(['item', 'data'], prefilledItemData(appeal?.form, {}, filing.problem.text, filing.visit.met));
  }, [filing, itemForm, appeal]);

  const solve = async () => {
    if (!solving) return;
    setBanner(null);
    try {
      await update.mutateAsync({ visitId: solving.visit.id, problemId: solving.problem.id, update: { outcome: 'solved', resolution: form.getFieldValue('resolution')?.trim() ?? '' } });
      message.success(t('liaison.problemSolved'));
      setSolving(null);
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (n[n.length - 1] === 'resolution' ? ['resolution'] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  /** The appeal type's own form; its 422 (`item.data.field`) on the fields through ItemForm's mapping. */
  const file = async () => {
    if (!filing || !appeal) return;
    setBanner(null);
    if (!(await checkedValues(itemForm))) return;
    const data = cleanValues(appeal.form, (itemForm.getFieldValue(['item', 'data']) as Record<string, unknown> | undefined) ?? {});
    try {
      const v = await update.mutateAsync({ visitId: filing.visit.id, problemId: filing.problem.id, update: { outcome: 'item', item: { type: appeal.code, data } } });
      const number = v.problems.find((p) => p.id === filing.problem.id)?.itemNumber;
      message.success(number ? t('liaison.problemFiled', { number }) : t('liaison.problemFiledNoNumber'));
      setFiling(null);
    } catch (e) {
      if (!isApiError(e) || !e.fieldErrors.length) {
        setBanner(isApiError(e) ? e.message : t('common.error'));
        return;
      }
      const onFields: { name: (string | number)[]; errors: string[] }[] = [];
      const other: string[] = [];
      for (const fe of e.fieldErrors) {
        const n = namePathOf(fe.path);
        if (n[0] === 'item' && n[1] === 'data' && n.length > 2) {
          const mapped = problemItemErrors(fe, n.slice(2), appeal.form);
          for (const m of mapped.onFields) onFields.push({ name: ['item', 'data', ...m.name], errors: m.errors });
          other.push(...mapped.other);
        } else other.push(fe.message);
      }
      itemForm.setFields(onFields as unknown as FieldErrorsOnForm);
      if (onFields.length) itemForm.scrollToField(onFields[0].name as never, { block: 'center' });
      if (other.length) setBanner(other.join('；'));
    }
  };

  const own = (v: Visit) => !!me.data && v.officer.id === me.data.id;

  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('liaison.myVisits')}</Typography.Title>}
      extra={
        <Space wrap>
          <LedgerButton path="/liaison/visits/export.xlsx" query={visitQuery({ mine: true })} />
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => navigate(paths.workbench.newVisit())} data-testid="new-visit-button">
            {t('liaison.logVisit')}
          </Button>
        </Space>
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
            p.outcome === 'open' && own(v) ? (
              <div style={{ marginTop: 4 }}>
                <Space wrap size={[8, 4]}>
                  <Button size="small" icon={<CheckOutlined aria-hidden />} onClick={() => setSolving({ visit: v, problem: p })} data-action="solve-problem" aria-label={`${t('liaison.solveProblem')}：${p.text}`}>
                    {t('liaison.solveProblem')}
                  </Button>
                  <Button size="small" icon={<FileAddOutlined aria-hidden />} onClick={() => setFiling({ visit: v, problem: p })} data-action="file-problem" aria-label={`${t('liaison.fileProblem')}：${p.text}`}>
                    {t('liaison.fileProblem')}
                  </Button>
                </Space>
              </div>
            ) : null
          }
        />
      )}
      <Modal
        open={!!solving}
        title={t('liaison.solveTitle')}
        onCancel={() => setSolving(null)}
        onOk={() => void solve()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={update.isPending}
        okButtonProps={{ 'data-testid': 'solve-confirm' } as never}
        forceRender
      >
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('liaison.problemText')}：</Typography.Text>
          {solving?.problem.text}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="solve_problem" requiredMark data-testid="solve-dialog">
          <Form.Item name="resolution" label={t('liaison.resolution')} required data-field="resolution">
            <Input.TextArea rows={3} maxLength={2000} showCount />
          </Form.Item>
        </Form>
        {solving && banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
      <Modal
        open={!!filing}
        title={t('liaison.fileTitle')}
        onCancel={() => setFiling(null)}
        onOk={() => void file()}
        okText={t('liaison.fileConfirm')}
        cancelText={t('common.cancel')}
        confirmLoading={update.isPending}
        okButtonProps={{ 'data-testid': 'file-confirm', disabled: !appeal } as never}
        width={680}
        forceRender
      >
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('liaison.problemText')}：</Typography.Text>
          {filing?.problem.text}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('liaison.itemHelp')}</Typography.Paragraph>
        <Form form={itemForm} layout="vertical" name="file_problem" requiredMark data-testid="file-dialog">
          {appeal ? <ProblemItemFields name={[]} fieldPrefix="" schema={appeal.form} /> : <Alert type="warning" showIcon title={t('liaison.itemTypeUnavailable')} />}
        </Form>
        {filing && banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
    </Card>
  );
}
