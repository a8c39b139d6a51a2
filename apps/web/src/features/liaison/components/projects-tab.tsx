import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Form, Grid, Input, List, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PROJECT_STAGES, type Project, type ProjectStage } from '../api/types';
import { useProjects, useSaveProject, type ProjectInput } from '../api/projects';
import { useLiaisonEnterprises } from '../api/get-enterprises';
import { isApiError } from '../../../lib/api-client';
import { districtName, districtOptions, splitFieldErrors } from './labels';
import { LiaisonError } from './liaison-error';
import { OfficerCell } from './person';

const FIELDS = ['name', 'enterpriseId', 'district', 'address', 'stage', 'startOn', 'endOn'] as const;
interface Values {
  name?: string;
  enterpriseId?: string;
  district?: string;
  address?: string;
  stage?: ProjectStage;
  startOn?: Dayjs | null;
  endOn?: Dayjs | null;
}

/** The owner enterprise, searched by name on the server (the project's current one stays an option). */
function EnterpriseSelect({ known, ...props }: { known?: { id: string; name: string }; id?: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setQ(typed.trim()), 300);
    return () => clearTimeout(h);
  }, [typed]);
  const list = useLiaisonEnterprises({ q: q || undefined, limit: 20 });
  const options = new Map<string, string>();
  if (known) options.set(known.id, known.name);
  for (const e of list.data?.pages.flatMap((p) => p.enterprises) ?? []) options.set(e.id, e.name);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
      loading={list.isFetching}
      placeholder={t('liaison.searchEnterprise')}
      notFoundContent={list.isFetching ? null : t('common.empty')}
      options={[...options].map(([value, label]) => ({ value, label }))}
      data-testid="project-enterprise"
      {...props}
    />
  );
}

export function StageTag({ stage }: { stage: ProjectStage }) {
  const { t } = useTranslation();
  return <Tag style={{ marginInlineEnd: 0 }}>{t(`liaison.stages.${stage}`)}</Tag>;
}

/** 重大项目: the list (by district), registering and editing a project; the caller adds the assign and history actions. */
export function ProjectsTab({ filePath, actions }: { filePath: (id: string) => string; actions?: (p: Project) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [district, setDistrict] = useState<string | undefined>();
  const projects = useProjects(district);
  const save = useSaveProject();
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!editing) return;
    setBanner(null);
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue({ ...editing, startOn: dayjs(editing.startOn), endOn: editing.endOn ? dayjs(editing.endOn) : null });
    else if (district) form.setFieldsValue({ district });
  }, [editing, form]);

  const submit = async () => {
    if (!editing) return;
    setBanner(null);
    const v = form.getFieldsValue();
    const input: ProjectInput = {
      name: v.name?.trim() ?? '',
      enterpriseId: v.enterpriseId ?? '',
      district: v.district ?? '',
      address: v.address?.trim() ?? '',
      stage: v.stage ?? '',
      startOn: v.startOn ? v.startOn.format('YYYY-MM-DD') : '',
      endOn: v.endOn ? v.endOn.format('YYYY-MM-DD') : editing === 'new' ? undefined : null,
    };
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    try {
      const p = await save.mutateAsync({ id: editing === 'new' ? undefined : editing.id, input });
      message.success(editing === 'new' ? t('liaison.projectCreated', { name: p.name }) : t('liaison.projectSaved', { name: p.name }));
      setEditing(null);
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => ((FIELDS as readonly string[]).includes(String(n[0])) ? [n[0]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  const edit = (p: Project) => (
    <Button size="small" onClick={() => setEditing(p)} data-action="edit-project" aria-label={`${t('liaison.editProject')}：${p.name}`}>
      {t('liaison.editProject')}
    </Button>
  );
  const rowActions = (p: Project) => (
    <Space wrap size={[4, 4]}>
      {edit(p)}
      {actions?.(p)}
    </Space>
  );
  const list: Project[] = projects.data ?? [];
  const empty = <Empty description={t('liaison.noProjects')} />;

  return (
    <div data-testid="liaison-projects">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Select allowClear style={{ minWidth: 130 }} placeholder={t('liaison.district')} aria-label={t('liaison.district')} value={district} onChange={setDistrict} options={districtOptions(lang)} />
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="project-add">
          {t('liaison.addProject')}
        </Button>
      </Space>
      {projects.isError ? (
        <LiaisonError error={projects.error} />
      ) : !screens.md ? (
        <List
          loading={projects.isLoading}
          locale={{ emptyText: empty }}
          dataSource={list}
          renderItem={(p) => (
            <List.Item style={{ padding: '6px 0' }} data-project={p.id}>
              <Card size="small" style={{ width: '100%', minWidth: 0 }}>
                <Space wrap size={[8, 4]}>
                  <strong>{p.name}</strong>
                  <StageTag stage={p.stage} />
                </Space>
                <div>
                  <Link to={filePath(p.enterpriseId)}>{p.enterpriseName}</Link>
                </div>
                <div style={{ overflowWrap: 'anywhere' }}>
                  <Typography.Text type="secondary">
                    {districtName(p.district, lang)} · {p.address}
                  </Typography.Text>
                </div>
                <div>
                  <Typography.Text type="secondary">
                    {t('liaison.period')}：{p.startOn} — {p.endOn ?? t('liaison.noEnd')}
                  </Typography.Text>
                </div>
                <OfficerCell officer={p.officer} deputy={p.deputy} />
                <div style={{ marginTop: 8 }}>{rowActions(p)}</div>
              </Card>
            </List.Item>
          )}
        />
      ) : (
        <Table<Project>
          rowKey="id"
          size="middle"
          loading={projects.isLoading}
          pagination={false}
          dataSource={list}
          locale={{ emptyText: empty }}
          onRow={(p) => ({ 'data-project': p.id }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('liaison.projectName'),
              render: (_v, p) => (
                <div>
                  <strong>{p.name}</strong>
                  <div>
                    <Typography.Text type="secondary">{p.address}</Typography.Text>
                  </div>
                </div>
              ),
            },
            { title: t('liaison.projectEnterprise'), render: (_v, p) => <Link to={filePath(p.enterpriseId)}>{p.enterpriseName}</Link> },
            { title: t('liaison.district'), width: 100, render: (_v, p) => districtName(p.district, lang) },
            { title: t('liaison.stage'), width: 80, render: (_v, p) => <StageTag stage={p.stage} /> },
            { title: t('liaison.period'), width: 120, render: (_v, p) => <span>{p.startOn}<br />— {p.endOn ?? t('liaison.noEnd')}</span> },
            { title: t('liaison.officer'), width: 200, render: (_v, p) => <OfficerCell officer={p.officer} deputy={p.deputy} /> },
            { title: t('common.actions'), width: 250, render: (_v, p) => rowActions(p) },
          ]}
        />
      )}
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('liaison.addProject') : t('liaison.editProjectTitle', { name: editing?.name ?? '' })}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        okButtonProps={{ 'data-testid': 'project-save' } as never}
        width={680}
        forceRender
      >
        <Form form={form} layout="vertical" name="liaison_project" requiredMark data-testid="project-dialog">
          <Form.Item name="name" label={t('liaison.projectName')} required data-field="name">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="enterpriseId" label={t('liaison.projectEnterprise')} required data-field="enterpriseId">
            <EnterpriseSelect known={editing && editing !== 'new' ? { id: editing.enterpriseId, name: editing.enterpriseName } : undefined} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="district" label={t('liaison.district')} required data-field="district">
                <Select options={districtOptions(lang)} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="stage" label={t('liaison.stage')} required data-field="stage">
                <Select options={PROJECT_STAGES.map((s) => ({ value: s, label: t(`liaison.stages.${s}`) }))} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="address" label={t('liaison.projectAddress')} required data-field="address">
            <Input maxLength={200} />
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} sm={12}>
              <Form.Item name="startOn" label={t('liaison.startOn')} required data-field="startOn">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="endOn" label={t('liaison.endOn')} data-field="endOn">
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
        {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
    </div>
  );
}
