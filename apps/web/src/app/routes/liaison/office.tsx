import { useState } from 'react';
import { Button, Card, Checkbox, Drawer, Grid, Input, Select, Space, Tabs, Typography } from 'antd';
import { HistoryOutlined, TagsOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LedgerButton } from '../../../components/ledger-button';
import { paths } from '../../../config/paths';
import { useMe } from '../../../features/auth/api/get-me';
import { useLiaisonEnterprises } from '../../../features/liaison/api/get-enterprises';
import { useLiaisonTags } from '../../../features/liaison/api/get-tags';
import { useAssignments } from '../../../features/liaison/api/assignments';
import type { Assignment, LiaisonEnterprise, Project } from '../../../features/liaison/api/types';
import { EnterpriseTable } from '../../../features/liaison/components/enterprise-table';
import { ProfileDialog } from '../../../features/liaison/components/profile-dialog';
import { AssignmentHistory } from '../../../features/liaison/components/assignment-history';
import { ImportAssignments } from '../../../features/liaison/components/import-card';
import { ProjectsTab } from '../../../features/liaison/components/projects-tab';
import { TagsAdmin } from '../../../features/liaison/components/tags-admin';
import { EndAssignmentDialog } from '../../../features/liaison/components/end-assignment-dialog';
import { districtOptions } from '../../../features/liaison/components/labels';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';
import { AssignDialog } from './assign-dialog';

type KeyFilter = 'all' | 'key' | 'not-key';

/** 警企联络办 / the district desk: key enterprises, their tags, 一企一警 assignments, major projects and the xlsx import; the city office also edits the tags. */
export default function LiaisonOfficePage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const me = useMe();
  const screens = Grid.useBreakpoint();
  const [district, setDistrict] = useState<string | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const [keyFilter, setKeyFilter] = useState<KeyFilter>('all');
  const [unassigned, setUnassigned] = useState(false);
  const [q, setQ] = useState('');
  const [profile, setProfile] = useState<LiaisonEnterprise | null>(null);
  const [assign, setAssign] = useState<LiaisonEnterprise | null>(null);
  const [assignProject, setAssignProject] = useState<Project | null>(null);
  /** Whose assignment history the drawer shows (an enterprise or a project). */
  const [history, setHistory] = useState<{ enterpriseId?: string; projectId?: string; name: string } | null>(null);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const tags = useLiaisonTags();
  const list = useLiaisonEnterprises({ district, tag, key: keyFilter === 'all' ? undefined : keyFilter === 'key', unassigned, q: q || undefined });
  const assignments = useAssignments(history ? { enterpriseId: history.enterpriseId, projectId: history.projectId } : null);
  const supervisor = me.data?.role === 'supervisor';
  const enterprises = list.data?.pages.flatMap((p) => p.enterprises) ?? [];

  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('liaison.officeTitle')}</Typography.Title>} className="jqt-wrap-title" data-testid="liaison-office">
      <Tabs
        items={[
          {
            key: 'enterprises',
            label: t('liaison.keyEnterprises'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('liaison.officeIntro')}</Typography.Paragraph>
                <Space wrap style={{ marginBottom: 12 }} data-testid="liaison-filters">
                  <Input.Search allowClear placeholder={t('liaison.search')} aria-label={t('liaison.search')} onSearch={(v) => setQ(v.trim())} style={{ width: 240, maxWidth: '100%' }} data-testid="liaison-search" />
                  <Select allowClear style={{ minWidth: 130 }} placeholder={t('liaison.district')} aria-label={t('liaison.district')} value={district} onChange={setDistrict} options={districtOptions(lang)} />
                  <Select
                    allowClear
                    style={{ minWidth: 150 }}
                    placeholder={t('liaison.tag')}
                    aria-label={t('liaison.tag')}
                    value={tag}
                    onChange={setTag}
                    options={(tags.data ?? []).map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn || x.nameZh : x.nameZh }))}
                  />
                  <Select<KeyFilter>
                    style={{ minWidth: 140 }}
                    aria-label={t('liaison.keyFilter')}
                    value={keyFilter}
                    onChange={setKeyFilter}
                    options={(['all', 'key', 'not-key'] as const).map((k) => ({ value: k, label: t(`liaison.keyFilters.${k}`) }))}
                  />
                  <Checkbox checked={unassigned} onChange={(e) => setUnassigned(e.target.checked)} data-testid="filter-unassigned">
                    {t('liaison.onlyUnassigned')}
                  </Checkbox>
                </Space>
                {list.isError ? (
                  <LiaisonError error={list.error} />
                ) : (
                  <EnterpriseTable
                    enterprises={enterprises}
                    loading={list.isLoading}
                    tags={tags.data}
                    filePath={paths.workbench.enterpriseFile}
                    more={{ hasMore: !!list.hasNextPage, loading: list.isFetchingNextPage, load: () => void list.fetchNextPage() }}
                    actions={(e) => (
                      <Space wrap size={[4, 4]}>
                        <Button size="small" icon={<TagsOutlined aria-hidden />} onClick={() => setProfile(e)} data-action="profile" aria-label={`${t('liaison.editProfile')}：${e.name}`}>
                          {t('liaison.editProfile')}
                        </Button>
                        <Button size="small" type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setAssign(e)} data-action="assign" aria-label={`${t('liaison.assign')}：${e.name}`}>
                          {t('liaison.assign')}
                        </Button>
                        <Button size="small" icon={<HistoryOutlined aria-hidden />} onClick={() => setHistory({ enterpriseId: e.id, name: e.name })} data-action="history" aria-label={`${t('liaison.history')}：${e.name}`}>
                          {t('liaison.history')}
                        </Button>
                      </Space>
                    )}
                  />
                )}
              </>
            ),
          },
          {
            key: 'projects',
            label: t('liaison.projects'),
            children: (
              <ProjectsTab
                filePath={paths.workbench.enterpriseFile}
                actions={(p) => (
                  <>
                    <Button size="small" type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setAssignProject(p)} data-action="assign-project" aria-label={`${t('liaison.assign')}：${p.name}`}>
                      {t('liaison.assign')}
                    </Button>
                    <Button size="small" icon={<HistoryOutlined aria-hidden />} onClick={() => setHistory({ projectId: p.id, name: p.name })} data-action="project-history" aria-label={`${t('liaison.history')}：${p.name}`}>
                      {t('liaison.history')}
                    </Button>
                  </>
                )}
              />
            ),
          },
          { key: 'import', label: t('liaison.import'), children: <ImportAssignments /> },
          ...(supervisor ? [{ key: 'tags', label: t('liaison.tagsTab'), children: <TagsAdmin /> }] : []),
        ]}
      />
      <ProfileDialog enterprise={profile} onClose={() => setProfile(null)} />
      {me.data ? (
        <AssignDialog
          enterprise={assign}
          project={assignProject}
          me={me.data}
          onClose={() => {
            setAssign(null);
            setAssignProject(null);
          }}
        />
      ) : null}
      <Drawer
        open={!!history}
        onClose={() => setHistory(null)}
        title={t('liaison.historyTitle', { name: history?.name ?? '' })}
        extra={history ? <LedgerButton path="/liaison/assignments/export.xlsx" query={{ enterpriseId: history.enterpriseId, projectId: history.projectId }} testId="assignments-ledger" /> : null}
        size={screens.md ? 480 : 360}
        data-testid="history-drawer"
      >
        <AssignmentHistory assignments={assignments.data} loading={assignments.isLoading} onEnd={setEnding} />
        {/* inside the drawer, so the dialog stacks above it */}
        <EndAssignmentDialog assignment={ending} onClose={() => setEnding(null)} />
      </Drawer>
    </Card>
  );
}
