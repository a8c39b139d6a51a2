import { Tag } from 'antd';
import { RISK_KINDS, RISK_LEVELS } from '@jqt/domain';
import { pick } from '../../../lib/i18n';

export const riskKindName = (v: string, lang: string) => pick(RISK_KINDS.find((k) => k.value === v)?.label, lang) || v;
export const levelName = (v: string, lang: string) => pick(RISK_LEVELS.find((k) => k.value === v)?.label, lang) || v;
const levelColor: Record<string, string> = { general: 'blue', serious: 'orange', severe: 'red' };

/** 一般 / 较重 / 严重, coloured by level. */
export function LevelTag({ level, lang }: { level: string; lang: string }) {
  return (
    <Tag color={levelColor[level] ?? 'default'} data-level={level}>
      {levelName(level, lang)}
    </Tag>
  );
}
