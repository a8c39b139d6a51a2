import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LiaisonTag } from '../api/types';
import { useCreateTag, useLiaisonTags, useRenameTag } from '../api/get-tags';
import { isApiError } from '../../../lib/api-client';
import { LiaisonError } from './liaison-error';
import { splitFieldErrors } from './labels';

const FIELDS = ['code', 'nameZh', 'nameEn'];

/** 企业标签 (老字号, 好品山东 …): 警企联络办 adds tags and renames them; a tag's code never changes (enterprises keep it). */
export function TagsAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const tags = useLiaisonTags();
  const create = useCreateTag();
  const rename = useRenameTag();
  const [editing, setEditing] = useState<LiaisonTag | 'new' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [form] = Form.useForm<Partial<LiaisonTag>>();

  useEffect(() => {
    if (!editing) return;
    setBanner(null);
    form.resetFields();
    if (editing !== 'new') form.setFieldsValue(editing);
  }, [editing, form]);

  const submit = async () => {
    if (!editing) return;
    setBanner(null);
    const v = form.getFieldsValue();
    const input = { code: (editing === 'new' ? v.code : editing.code)?.trim() ?? '', nameZh: v.nameZh?.trim() ?? '', nameEn: v.nameEn?.trim() ?? '' };
    form.setFields(FIELDS.map((name) => ({ name: name as never, errors: [] })));
    try {
      if (editing === 'new') await create.mutateAsync(input);
      else await rename.mutateAsync(input);
      message.success(editing === 'new' ? t('liaison.tagAdded', { name: input.nameZh }) : t('liaison.tagRenamed', { name: input.nameZh }));
      setEditing(null);
    } catch (e) {
      const { onFields, other } = splitFieldErrors(e, (n) => (FIELDS.includes(String(n[0])) ? [n[0]] : null));
      form.setFields(onFields);
      if (other.length || !onFields.length) setBanner(other.length ? other.join('；') : isApiError(e) ? e.message : t('common.error'));
    }
  };

  return (
    <div data-testid="liaison-tags">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('liaison.tagsIntro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')} data-testid="tag-add">
          {t('liaison.addTag')}
        </Button>
      </Space>
      {tags.isError ? (
        <LiaisonError error={tags.error} />
      ) : (
        <List
          bordered
          loading={tags.isLoading}
          dataSource={tags.data ?? []}
          locale={{ emptyText: <Empty description={t('liaison.noTags')} /> }}
          renderItem={(x) => (
            <List.Item
              data-tag-row={x.code}
              actions={[
                <Button key="edit" size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(x)} data-action="rename-tag" aria-label={`${t('liaison.renameTag')}：${x.nameZh}`}>
                  {t('liaison.renameTag')}
                </Button>,
              ]}
            >
              <div style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <Tag style={{ color: '#0b3d91', background: '#eaf1ff', borderColor: '#b7c8ef', marginInlineEnd: 8 }}>{x.nameZh}</Tag>
                <span>{x.nameEn}</span>
                <div>
                  <Typography.Text type="secondary">
                    {t('liaison.tagCode')}：<code>{x.code}</code>
                  </Typography.Text>
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
      <Modal
        open={!!editing}
        title={editing === 'new' ? t('liaison.addTag') : t('liaison.renameTagTitle', { code: editing?.code ?? '' })}
        onCancel={() => setEditing(null)}
        onOk={() => void submit()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending || rename.isPending}
        okButtonProps={{ 'data-testid': 'tag-save' } as never}
        forceRender
      >
        <Form form={form} layout="vertical" name="liaison_tag" requiredMark data-testid="tag-dialog">
          <Form.Item name="code" label={t('liaison.tagCode')} required={editing === 'new'} extra={editing === 'new' ? t('liaison.tagCodeHelp') : t('liaison.tagCodeFixed')} data-field="code">
            <Input maxLength={40} disabled={editing !== 'new'} autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item name="nameZh" label={t('liaison.tagNameZh')} required data-field="nameZh">
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="nameEn" label={t('liaison.tagNameEn')} required data-field="nameEn">
            <Input maxLength={60} />
          </Form.Item>
        </Form>
        {banner ? <Alert type="error" showIcon role="alert" title={banner} /> : null}
      </Modal>
    </div>
  );
}
