import { useEffect, useState } from 'react';
import { Alert, App, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit, User } from '../../../types/api';
import { isApiError } from '../../../lib/api-client';
import { useUnits } from '../../../features/units/api/get-units';
import { useUnitStaff } from '../../../features/units/api/unit-staff';
import { useCreateAssignment } from '../../../features/liaison/api/assignments';
import type { LiaisonEnterprise, Project } from '../../../features/liaison/api/types';
import { splitFieldErrors } from '../../../features/liaison/components/labels';

interface Values {
  officerUnitId?: string;
  officerId?: string;
  deputyUnitId?: string;
  deputyId?: string;
  reason?: string;
}

const unitLabel = (u: Unit, lang: string) => (lang === 'en' ? u.nameEn || u.nameZh : u.nameZh);

/** Picks a unit, then one of its handling staff (the same staff list the workbench assign picker uses). */
function StaffPicker({ unitId, value, onChange, id, testId, allowClear, me, ...aria }: { unitId?: string; value?: string; onChange?: (v: string | undefined) => void; id?: string; testId: string; allowClear?: boolean; me: User }) {
  const { t } = useTranslation();
  const staff = useUnitStaff(unitId);
  return (
    <Select
      id={id}
      {...aria}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear={allowClear}
      disabled={!unitId}
      loading={staff.isLoading}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      placeholder={unitId ? t('liaison.pickPerson') : t('liaison.pickUnitFirst')}
      data-testid={testId}
      options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.displayName}${s.id === me.id ? t('assign.me') : ''} · ${t(`role.${s.role}`, { defaultValue: s.role })}` }))}
    />
  );
}

/**
 * 一企一警: names an enterprise's (or a major project's) liaison officer (and optionally a deputy) with a reason. The
 * server decides every rule (who counts as police, the deputy not the officer, a duplicate): its 422 lands on the fields.
 */
export function AssignDialog({ enterprise, project, me, onClose }: { enterprise: LiaisonEnterprise | null; project?: Project | null; me: User; onClose: () => void }) {
  const subject = enterprise ?? project ?? null;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const units = useUnits(!!subject);
  const assign = useCreateAssignment();
  const [banner, setBanner] = useState<string | null>(null);
  const officerUnitId = Form.useWatch('officerUnitId', form);
  const deputyUnitId = Form.useWatch('deputyUnitId', form);
  const police = (units.data ?? []).filter((u) => u.unitType !== 'partner');

  useEffect(() => {
    if (!subject || !units.data) return;
    setBanner(null);
    const own = me.unitId && police.some((u) => u.id === me.unitId && u.unitType === 'branch') ? me.unitId : undefined;
    const district = police.find((u) => u.unitType === 'branch' && u.district === subject.district)?.id;
    const unit = subject.officer?.unitId ?? own ?? district;
    form.resetFields();
    form.setFieldsValue({ officerUnitId: unit, officerId: subject.officer?.id, deputyUnitId: subject.deputy?.unitId ?? unit, deputyId: subject.deputy?.id });
  }, [subject, units.data]);

  const submit = async () => {
    if (!subject) return;
    const v = form.getFieldsValue();
    setBanner(null);
    form.setFields((['officerId', 'deputyId', 'reason'] as const).map((name) => ({ name, errors: [] })));
    try {
      await assign.mutateAsync({ ...(enterprise ? { enterpriseId: enterprise.id } : { projectId: subject.id }), officerId: v.officerId, deputyId: v.deputyId || undefined, reason: v.reason?.trim() || undefined });
      message.success(t('liaison.assigned', { name: subject.name }));
      onClose();
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (['officerId', 'deputyId', 'reason'].includes(String(n[0])) ? [n[0]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  const unitOptions = police.map((u) => ({ value: u.id, label: unitLabel(u, lang) }));
  return (
    <Modal
      open={!!subject}
      title={enterprise || !project ? t('liaison.assignTitle') : t('liaison.assignProjectTitle')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('liaison.assignConfirm')}
      cancelText={t('common.cancel')}
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'assign-confirm' } as never}
      width={640}
      forceRender
    >
      <Typography.Paragraph>
        <strong>{subject?.name}</strong> <Typography.Text type="secondary">{enterprise ? enterprise.uscc : project?.enterpriseName}</Typography.Text>
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="liaison_assign"
        data-testid="assign-dialog"
        requiredMark
        onValuesChange={(changed: Values) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Values, errors: [] })))}
      >
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="officerUnitId" label={t('liaison.officerUnit')} required>
              <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={units.isLoading} onChange={() => form.setFieldValue('officerId', undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="officerId" label={t('liaison.officer')} required data-field="officerId">
              <StaffPicker unitId={officerUnitId} testId="assign-officer" me={me} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="deputyUnitId" label={t('liaison.deputyUnit')}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} loading={units.isLoading} onChange={() => form.setFieldValue('deputyId', undefined)} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="deputyId" label={t('liaison.deputyOptional')} data-field="deputyId">
              <StaffPicker unitId={deputyUnitId} testId="assign-deputy" allowClear me={me} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="reason" label={t('liaison.reason')} required extra={t('liaison.reasonHelp')} data-field="reason">
          <Input.TextArea rows={3} maxLength={500} showCount data-testid="assign-reason" />
        </Form.Item>
        {banner ? <Alert type="error" showIcon title={banner} role="alert" /> : null}
      </Form>
    </Modal>
  );
}
