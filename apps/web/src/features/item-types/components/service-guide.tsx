import { Button, Card, Descriptions, List, Space, Steps, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemType } from '../../../types/api';
import { pick } from '../../../lib/i18n';
import { ruleInWords } from '../../../lib/format';

/** The public service guide (办事指南) of one item type, generated from its catalog declaration. */
export function ServiceGuide({ itemType, onApply, applyLabel, extra }: { itemType: ItemType; onApply: () => void; applyLabel: string; extra?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const basisTag = (b: string) => <Tag style={{ color: '#3c4150' }}>{t(`basis.${b}`, { defaultValue: b })}</Tag>;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={1} style={{ fontSize: '1.6em', marginTop: 0 }}>
          {pick(itemType.names, lang)}
        </Typography.Title>
        <Space wrap>
          <Tag color="blue">{t('guide.measure', { n: itemType.measure })}</Tag>
          {itemType.submitters.map((s) => (
            <Tag key={s}>{t(`submitter.${s}`)}</Tag>
          ))}
        </Space>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} style={{ marginTop: 16 }} bordered size="small">
          <Descriptions.Item label={t('guide.handledBy')}>{pick(itemType.guide.handledBy, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('guide.routing')}>{pick(itemType.routing, lang)}</Descriptions.Item>
          <Descriptions.Item label={t('guide.acceptWithin')}>
            {itemType.deadlines.accept ? (
              <span data-testid="guide-accept">
                {ruleInWords(itemType.deadlines.accept.rule, t)} {basisTag(itemType.deadlines.accept.basis)}
              </span>
            ) : (
              t('rule.none')
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.handleWithin')}>
            <Space orientation="vertical" size={2} data-testid="guide-handle">
              {itemType.deadlines.handle.map((h, i) => (
                <span key={i}>
                  {h.label ? `${pick(h.label, lang)}：` : ''}
                  {ruleInWords(h.rule, t)} {basisTag(h.basis)}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.basis')} span={2}>
            {pick(itemType.guide.basis, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('guide.rating')} span={2}>
            {t(`ratingScale.${itemType.ratingScale}`)}
          </Descriptions.Item>
        </Descriptions>
        <Button type="primary" size="large" style={{ marginTop: 16 }} onClick={onApply} data-testid="guide-apply">
          {applyLabel}
        </Button>
      </Card>
      {extra}
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.15em', margin: 0 }}>{t('guide.materials')}</Typography.Title>}>
        <List size="small" dataSource={itemType.guide.materials} renderItem={(m, i) => <List.Item>{`${i + 1}. ${pick(m, lang)}`}</List.Item>} />
      </Card>
      <Card title={<Typography.Title level={2} style={{ fontSize: '1.15em', margin: 0 }}>{t('guide.steps')}</Typography.Title>}>
        <Steps orientation="vertical" size="small" current={-1} items={itemType.guide.steps.map((s) => ({ title: pick(s, lang) }))} />
      </Card>
    </Space>
  );
}
