import { Card, Col, Descriptions, Empty, Row, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import type { ItemStatus } from '../../../types/api';
import { DeadlineTag } from '../../../components/deadline-tag';
import { StatusTag } from '../../../components/status-tag';
import { formatDateTime, formatUntil } from '../../../lib/format';
import { pick } from '../../../lib/i18n';
import { useItemTypes } from '../../../features/item-types/api/get-item-types';
import { useEnterpriseFile } from '../../../features/liaison/api/enterprise-file';
import { useLiaisonTags } from '../../../features/liaison/api/get-tags';
import type { EnterpriseFile, Project } from '../../../features/liaison/api/types';
import { KeyTag, TagList } from '../../../features/liaison/components/enterprise-table';
import { AssignmentHistory } from '../../../features/liaison/components/assignment-history';
import { VisitList } from '../../../features/liaison/components/visit-list';
import { OfficerCell } from '../../../features/liaison/components/person';
import { districtName } from '../../../features/liaison/components/labels';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';
import { useMe } from '../../../features/auth/api/get-me';
import { DisputesPanel } from '../../../features/disputes/components/disputes-panel';

const DONE = ['answered', 'closed', 'refused'];

/** 一企一档: one enterprise's profile and tags, officer history, projects, visits, disputes, items with their deadlines, pass codes. */
export default function EnterpriseFilePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const file = useEnterpriseFile(id);
  const tags = useLiaisonTags();
  const types = useItemTypes();
  const me = useMe();
  if (file.isLoading) return <Skeleton active />;
  if (file.isError) return <LiaisonError error={file.error} />;
  const f = file.data!;
  const e = f.enterprise;
  const typeName = (code: string) => {
    const it = types.data?.find((x) => x.code === code);
    return it ? pick(it.names, lang) : code;
  };

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="enterprise-file">
      <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{e.name}</Typography.Title>} extra={<Tag>{t('liaison.fileTag')}</Tag>} className="jqt-wrap-title">
        <Row gutter={[16, 8]}>
          <Col xs={24} md={14}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'uscc', label: t('liaison.uscc'), children: e.uscc },
                { key: 'district', label: t('liaison.district'), children: districtName(e.district, lang) },
                { key: 'address', label: t('liaison.address'), children: e.address },
                {
                  key: 'tags',
                  label: t('liaison.tags'),
                  children: e.key || e.tags.length ? (
                    <Space size={[4, 4]} wrap>
                      <KeyTag value={e.key} />
                      <TagList codes={e.tags} tags={tags.data} />
                    </Space>
                  ) : (
                    '—'
                  ),
                },
                { key: 'last', label: t('liaison.lastVisit'), children: e.lastVisitOn ?? t('liaison.never') },
              ]}
            />
          </Col>
          <Col xs={24} md={10}>
            <Typography.Text type="secondary">{t('liaison.officer')}</Typography.Text>
            <OfficerCell officer={e.officer} deputy={e.deputy} />
          </Col>
        </Row>
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'visits', label: `${t('liaison.visitsTitle')} (${f.visits.length})`, children: <VisitList visits={f.visits} itemPath={paths.workbench.item} testId="file-visits" /> },
            {
              key: 'items',
              label: `${t('liaison.fileItems')} (${f.itemsTotal})`,
              children: (
                <>
                {f.itemsTotal > f.items.length ? <Typography.Paragraph type="secondary">{t('liaison.fileItemsNewest', { shown: f.items.length, total: f.itemsTotal })}</Typography.Paragraph> : null}
                <Table<EnterpriseFile['items'][number]>
                  rowKey="id"
                  size="small"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 640 }}
                  dataSource={f.items}
                  data-testid="file-items"
                  columns={[
                    { title: t('item.number'), render: (_v, it) => <Link to={paths.workbench.item(it.id)}>{it.number}</Link> },
                    { title: t('item.type'), render: (_v, it) => typeName(it.type) },
                    { title: t('item.status'), render: (_v, it) => <StatusTag status={it.status as ItemStatus} /> },
                    { title: t('item.deadline'), render: (_v, it) => <DeadlineTag dueAt={it.dueAt} overdue={it.overdue} done={DONE.includes(it.status)} /> },
                    { title: t('item.submittedAt'), render: (_v, it) => formatDateTime(it.createdAt, lang) },
                  ]}
                />
                </>
              ),
            },
            {
              key: 'disputes',
              label: t('disputes.tab'),
              children: <DisputesPanel base={{ enterpriseId: e.id }} enterprise={{ id: e.id, name: e.name }} canAct={me.data?.role === 'officer' || me.data?.role === 'unit-leader'} testId="file-disputes" />,
            },
            { key: 'officers', label: t('liaison.officerHistory'), children: <AssignmentHistory assignments={f.assignments} /> },
            {
              key: 'projects',
              label: `${t('liaison.projects')} (${f.projects.length})`,
              children: f.projects.length ? (
                <Table<Project>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 640 }}
                  dataSource={f.projects}
                  columns={[
                    { title: t('liaison.projectName'), dataIndex: 'name' },
                    { title: t('liaison.stage'), render: (_v, p) => t(`liaison.stages.${p.stage}`) },
                    { title: t('liaison.period'), render: (_v, p) => `${p.startOn} — ${p.endOn ?? ''}` },
                    { title: t('liaison.address'), dataIndex: 'address' },
                    { title: t('liaison.officer'), render: (_v, p) => <OfficerCell officer={p.officer} deputy={p.deputy} /> },
                  ]}
                />
              ) : (
                <Empty description={t('common.empty')} />
              ),
            },
            {
              key: 'passes',
              label: `${t('liaison.passCodes')} (${f.passCodes.length})`,
              children: (
                <Table<EnterpriseFile['passCodes'][number]>
                  rowKey="code"
                  size="small"
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: 560 }}
                  dataSource={f.passCodes}
                  columns={[
                    { title: t('liaison.passCode'), render: (_v, p) => <Link to={paths.verifyPassCode(p.code)}>{p.code}</Link> },
                    { title: t('liaison.plate'), dataIndex: 'plate' },
                    { title: t('liaison.passKind'), render: (_v, p) => t(`verify.passKinds.${p.kind}`, { defaultValue: p.kind }) },
                    { title: t('liaison.validity'), render: (_v, p) => `${formatDateTime(p.validFrom, lang, false)} — ${formatUntil(p.validTo, lang, false)}` },
                    { title: t('item.status'), render: (_v, p) => t(`verify.passStatus.${p.status}`, { defaultValue: p.status }) },
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
