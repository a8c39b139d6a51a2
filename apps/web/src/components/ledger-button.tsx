import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError, apiLanguage, apiUrl, type RequestOptions } from '../lib/api-client';

interface LedgerButtonProps {
  /** The list's export route, e.g. `/items/export.xlsx`. */
  path: string;
  /** The list's query, built by the same function the list's fetch uses. */
  query: RequestOptions['query'];
  testId?: string;
}

/**
 * 导出台账: downloads a list as xlsx with the list's current filters. Fetched rather than linked, so a refusal
 * (too many rows, a bad filter) shows the server's message instead of a page of JSON.
 */
export function LedgerButton({ path, query, testId = 'ledger-export' }: LedgerButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      const res = await fetch(apiUrl(path, query), { credentials: 'same-origin', headers: { 'Accept-Language': apiLanguage() === 'en' ? 'en' : 'zh-CN' } });
      if (!res.ok) throw new ApiError(res.status, (await res.json().catch(() => ({}))) as Record<string, unknown>);
      const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'ledger.xlsx';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      void message.error(e instanceof Error && e.message ? e.message : t('ledgers.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void download()} data-testid={testId}>
      {t('ledgers.export')}
    </Button>
  );
}
