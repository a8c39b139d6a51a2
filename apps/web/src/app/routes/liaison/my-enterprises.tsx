import { Button, Card, Space, Typography } from 'antd';
import { EditOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { paths } from '../../../config/paths';
import { enterpriseQuery, useLiaisonEnterprises } from '../../../features/liaison/api/get-enterprises';
import { LedgerButton } from '../../../components/ledger-button';
import { useLiaisonTags } from '../../../features/liaison/api/get-tags';
import { EnterpriseTable } from '../../../features/liaison/components/enterprise-table';
import { LiaisonError } from '../../../features/liaison/components/liaison-error';

/** 我联系的企业: the enterprises this officer liaises with, each with "log a visit" and its file. */
export default function MyEnterprisesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const tags = useLiaisonTags();
  const filters = { mine: true };
  const list = useLiaisonEnterprises(filters);
  const enterprises = list.data?.pages.flatMap((p) => p.enterprises) ?? [];
  return (
    <Card
      title={<Typography.Title level={1} style={{ fontSize: '1.2em', margin: 0 }}>{t('liaison.mineTitle')}</Typography.Title>}
      extra={
        <Space wrap>
          <Link to={paths.workbench.liaisonVisits}>{t('liaison.myVisits')}</Link>
          <LedgerButton path="/liaison/enterprises/export.xlsx" query={enterpriseQuery(filters)} testId="my-enterprises-ledger" />
        </Space>
      }
      className="jqt-wrap-title"
      data-testid="liaison-mine"
    >
      <Typography.Paragraph type="secondary">{t('liaison.mineIntro')}</Typography.Paragraph>
      {list.isError ? (
        <LiaisonError error={list.error} />
      ) : (
        <EnterpriseTable
          testId="mine-enterprises"
          enterprises={enterprises}
          loading={list.isLoading}
          tags={tags.data}
          filePath={paths.workbench.enterpriseFile}
          emptyText={t('liaison.mineEmpty')}
          more={{ hasMore: !!list.hasNextPage, loading: list.isFetchingNextPage, load: () => void list.fetchNextPage() }}
          actions={(e) => (
            <Space wrap size={[4, 4]}>
              <Button size="small" type="primary" icon={<EditOutlined aria-hidden />} onClick={() => navigate(paths.workbench.newVisit(e.id))} data-action="log-visit" aria-label={`${t('liaison.logVisit')}：${e.name}`}>
                {t('liaison.logVisit')}
              </Button>
              <Button size="small" icon={<FolderOpenOutlined aria-hidden />} onClick={() => navigate(paths.workbench.enterpriseFile(e.id))} aria-label={`${t('liaison.file')}：${e.name}`}>
                {t('liaison.file')}
              </Button>
            </Space>
          )}
        />
      )}
    </Card>
  );
}
