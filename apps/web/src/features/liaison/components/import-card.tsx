import { useState } from 'react';
import { Alert, Button, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { assignmentTemplateUrl, useImportAssignments, type ImportResult } from '../api/assignments';

interface RowError extends FieldError {
  row: number | null;
  field: string;
}

/** The xlsx bulk import of assignments: download the template, upload it; a bad row refuses the whole sheet. */
export function ImportAssignments() {
  const { t } = useTranslation();
  const upload = useImportAssignments();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [banner, setBanner] = useState<string | null>(null);

  const send = async (file: File) => {
    setResult(null);
    setRowErrors([]);
    setBanner(null);
    try {
      setResult(await upload.mutateAsync(file));
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) {
        setRowErrors(
          e.fieldErrors.map((fe) => {
            const m = /^\/?rows[./](\d+)(?:[./](.+))?$/.exec(fe.path);
            return { ...fe, row: m ? Number(m[1]) : null, field: m?.[2] ?? fe.path };
          }),
        );
        setBanner(t('liaison.importRefused'));
      } else setBanner(e instanceof Error ? e.message : t('common.error'));
    }
  };

  return (
    <div data-testid="liaison-import">
      <Typography.Paragraph type="secondary">{t('liaison.importHelp')}</Typography.Paragraph>
      <Space wrap>
        <Button icon={<DownloadOutlined aria-hidden />} href={assignmentTemplateUrl()} data-testid="import-template">
          {t('liaison.downloadTemplate')}
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          beforeUpload={(file) => {
            void send(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined aria-hidden />} loading={upload.isPending} data-testid="import-upload">
            {t('liaison.uploadSheet')}
          </Button>
        </Upload>
      </Space>
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          role="status"
          data-testid="import-result"
          title={t('liaison.importDone', { rows: result.rows, created: result.created, unchanged: result.unchanged })}
        />
      ) : null}
      {banner ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={banner} data-testid="import-error" /> : null}
      {rowErrors.length ? (
        <Table<RowError>
          style={{ marginTop: 12 }}
          size="small"
          rowKey={(r) => `${r.path}-${r.code}`}
          pagination={false}
          dataSource={rowErrors}
          data-testid="import-errors"
          scroll={{ x: 480 }}
          columns={[
            { title: t('liaison.importRow'), width: 80, render: (_v, r) => (r.row === null ? '—' : r.row) },
            { title: t('liaison.importField'), width: 140, render: (_v, r) => t(`liaison.importColumns.${r.field}`, { defaultValue: r.field }) },
            { title: t('liaison.importMessage'), dataIndex: 'message' },
          ]}
        />
      ) : null}
    </div>
  );
}
