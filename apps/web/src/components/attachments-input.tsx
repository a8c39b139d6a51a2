import { useState } from 'react';
import { Button, Upload, message } from 'antd';
import type { UploadFile, UploadProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { API_BASE } from '../lib/api-client';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.xlsx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const EXT = /\.(pdf|jpe?g|png|xlsx)$/i;

interface Uploaded {
  id: string;
  filename: string;
  mime: string;
  size: number;
}

export interface AttachmentsInputProps {
  id?: string;
  /** The uploaded attachments' ids (the form field's value). */
  value?: string[];
  onChange?: (ids: string[]) => void;
  maxItems?: number;
  disabled?: boolean;
  /** The field's label, so the button's accessible name says what it is for. */
  label?: string;
  'aria-describedby'?: string;
}

/** Uploads each file to POST /attachments (signed-in users; PDF/JPG/PNG/XLSX ≤ 10 MB) and keeps their ids as the value. */
export function AttachmentsInput({ id, value, onChange, maxItems = 10, disabled, label, ...aria }: AttachmentsInputProps) {
  const { t, i18n } = useTranslation();
  const [files, setFiles] = useState<UploadFile<Uploaded>[]>([]);
  const [msg, holder] = message.useMessage();

  const emit = (list: UploadFile<Uploaded>[]) => {
    setFiles(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response?.id).map((f) => f.response!.id));
  };

  const upload: UploadProps['customRequest'] = async ({ file, onSuccess, onError, onProgress }) => {
    const body = new FormData();
    body.append('file', file as Blob);
    try {
      onProgress?.({ percent: 30 });
      const res = await fetch(`${API_BASE}/attachments`, { method: 'POST', body, credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN' } });
      const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
      if (!res.ok) {
        const errs = Array.isArray(json.errors) ? (json.errors as { message?: string }[]) : [];
        const text = res.status === 401 ? t('form.attachmentsSignIn') : errs[0]?.message || (typeof json.title === 'string' ? json.title : t('common.error'));
        throw new Error(text);
      }
      onSuccess?.(json as unknown as Uploaded);
    } catch (e) {
      const text = (e as Error).message || t('common.error');
      msg.error(`${(file as File).name}：${text}`);
      onError?.(Object.assign(new Error(text), { status: 0 }));
    }
  };

  return (
    <>
      {holder}
      <Upload<Uploaded>
        accept={ACCEPT}
        multiple
        maxCount={maxItems}
        disabled={disabled}
        fileList={files}
        customRequest={upload}
        beforeUpload={(file) => {
          if (!EXT.test(file.name)) {
            msg.error(t('form.attachmentsType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > ATTACHMENT_MAX_BYTES) {
            msg.error(t('form.attachmentsTooLarge', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (files.length >= maxItems) {
            msg.error(t('form.attachmentsMax', { n: maxItems }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        onChange={({ fileList }) => {
          // a failed upload shows its reason and leaves the list, so the value only ever holds stored files
          emit(fileList.filter((f) => f.status !== 'error').map((f) => (f.status === 'done' && f.response ? { ...f, name: f.response.filename } : f)));
        }}
        showUploadList={{ showRemoveIcon: !disabled }}
      >
        <Button
          id={id}
          icon={<UploadOutlined aria-hidden />}
          disabled={disabled || (value?.length ?? 0) >= maxItems}
          aria-label={label ? `${label}：${t('form.attachmentsPick', { n: maxItems })}` : undefined}
          aria-describedby={aria['aria-describedby']}
        >
          {t('form.attachmentsPick', { n: maxItems })}
        </Button>
      </Upload>
    </>
  );
}
