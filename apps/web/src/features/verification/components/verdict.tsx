import type { ReactNode } from 'react';
import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';

export type VerdictTone = 'good' | 'bad' | 'warn';

export interface VerdictProps {
  tone: VerdictTone;
  /** The answer in a few words: 真实有效 / 无法核验 / 已过期 … */
  title: ReactNode;
  children?: ReactNode;
  /** For tests and styling: the machine-readable answer (`genuine`, `not-genuine`, `valid`, `expired` …). */
  verdict: string;
}

const ICONS = { good: CheckCircleFilled, bad: CloseCircleFilled, warn: ExclamationCircleFilled } as const;

/** The big coloured answer of a verification page: readable at arm's length on a phone, colour never the only sign. */
export function Verdict({ tone, title, children, verdict }: VerdictProps) {
  const Icon = ICONS[tone];
  return (
    <section className={`jqt-verdict jqt-verdict-${tone}`} data-testid="verdict" data-verdict={verdict} aria-live="polite">
      <Icon className="jqt-verdict-icon" aria-hidden />
      <div className="jqt-verdict-body">
        <h2 className="jqt-verdict-title">{title}</h2>
        {children ? <div className="jqt-verdict-text">{children}</div> : null}
      </div>
    </section>
  );
}
