import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldLabel } from '../../../components/item-form';
import type { FormSchema } from '../../../types/api';
import type { RejectedRow } from '../api/batches';

/**
 * 逐行校验结果: every rejected row of the spreadsheet with each bad cell named by its column and the server's reason,
 * so the coordinator corrects exactly those cells and uploads the whole file again.
 */
export function RowReport({ rows, schema }: { rows: RejectedRow[]; schema: FormSchema | undefined }) {
  const { t, i18n } = useTranslation();
  const label = (field: string) => {
    const f = schema?.properties[field];
    return f ? fieldLabel(f, i18n.language) : field === 'row' ? t('screens.batch.wholeRow') : field;
  };
  return (
    <List
      size="small"
      bordered
      data-testid="row-report"
      dataSource={rows}
      renderItem={(r) => (
        <List.Item key={r.row} data-row={r.row}>
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Text strong>{t('screens.batch.rowN', { n: r.row })}</Typography.Text>
            {r.errors.map((e, i) => (
              <div key={`${e.field}-${i}`} data-field={e.field} className="jqt-row-error">
                <Tag color={e.code === 'duplicate' || e.code === 'duplicate_in_file' ? 'gold' : 'red'}>{label(e.field)}</Tag>
                <Typography.Text>{e.message}</Typography.Text>
              </div>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}
