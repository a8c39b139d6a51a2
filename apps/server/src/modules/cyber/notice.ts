import { CYBER_SEVERITIES, DomainError, formatShanghai } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findUnit } from '../accounts/repository.ts';
import { asciiName, officialDocument, printed } from '../applications/documents.ts';
import { verificationUrl, type Verifier } from '../applications/receipts.ts';
import { readableInspection, viewerOf } from './inspections.ts';
import * as repo from './repository.ts';

const severityZh = (s: string) => CYBER_SEVERITIES.find((x) => x.value === s);

/**
 * 整改通知书 as PDF, in the layout of the other official documents: the inspection, each finding with its severity
 * and deadline, and the QR code that verifies the notice at /verify. For the unit, readers and the enterprise.
 */
export async function noticePdf(ctx: AppContext, actor: UserActor, id: string, origin: string) {
  const db = ctx.database.db;
  const r = await readableInspection(ctx, await viewerOf(ctx, actor), id);
  const { i } = r;
  if (!i.noticeNumber || !i.noticeIssuedAt) throw new DomainError('cyber_notice_not_issued', { kind: 'invalid' });
  const unit = await findUnit(db, i.unitId);
  const findings = await repo.findingsOf(db, [i.id]);
  const rows: [string, string][] = [
    ['通知书编号 Number', i.noticeNumber],
    ['检查单位 Unit', unit ? `${unit.nameZh} ${unit.nameEn}` : i.unitId],
    ['被检查单位 Enterprise', r.enterpriseName],
    ...(i.projectName ? ([['重大项目 Project', i.projectName]] as [string, string][]) : []),
    ['检查日期 Inspected', i.inspectedOn ?? ''],
    ['检查范围 Scope', i.scope],
    ['检查人员 Inspectors', i.inspectors.join('、')],
    ['检查结论 Summary', i.summary ?? ''],
    [
      '整改问题 Findings',
      findings
        .map((f) => {
          const s = severityZh(f.severity);
          return `${f.seq}.【${s?.label.zh ?? f.severity}风险，${s?.workdays ?? ''}个工作日内】${f.description}（整改期限 ${printed(formatShanghai(f.dueAt))}）`;
        })
        .join('\n'),
    ],
    ['整改要求 Requirement', '请于期限内完成整改，并在警企通企业中心逐项答复整改情况、上传佐证材料。'],
    ['下发时间 Issued', printed(formatShanghai(i.noticeIssuedAt))],
  ];
  const pdf = officialDocument({
    title: '网络安全整改通知书',
    subtitle: 'Cyber security rectification notice',
    rows,
    url: await verificationUrl(ctx, origin, i.noticeNumber),
    caption: ['扫码核验本通知书真伪', 'Scan the QR code to verify this notice'],
    printedAt: ctx.now(),
  });
  return { pdf, filename: asciiName('cyber-notice', i.noticeNumber) };
}

/**
 * The public verification of a scanned notice (the signature already checked): genuine, the unit, the dates and
 * how many findings are rectified — never what the findings are (they describe the enterprise's weaknesses).
 */
export const cyberNoticeVerifier: Verifier = async (ctx, number) => {
  if (!number.startsWith('WAZG')) return null;
  const i = await repo.findInspectionByNotice(ctx.database.db, number);
  if (!i || !i.noticeIssuedAt) return null;
  const unit = await findUnit(ctx.database.db, i.unitId);
  const findings = await repo.findingsOf(ctx.database.db, [i.id]);
  const closed = findings.filter((f) => f.status === 'closed').length;
  return {
    genuine: true as const,
    kind: 'cyber-notice' as const,
    number,
    typeName: { zh: '网络安全整改通知书', en: 'Cyber security rectification notice' },
    unit: unit ? { zh: unit.nameZh, en: unit.nameEn } : null,
    enterpriseName: await repo.enterpriseName(ctx.database.db, i.enterpriseId),
    inspectedOn: i.inspectedOn,
    issuedAt: formatShanghai(i.noticeIssuedAt),
    findings: { total: findings.length, closed },
    rectified: closed === findings.length,
  };
};
