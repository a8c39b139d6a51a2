import { randomUUID } from 'node:crypto';
import {
  certificateNumber,
  certificatesDue,
  formatShanghai,
  itemType,
  itemTypes,
  shanghaiDate,
  type CertificateDeclaration,
  type Decision,
  type ItemState,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import { findUnit } from '../accounts/repository.ts';
import type { ItemOutputs } from '../items/service.ts';
import * as repo from './repository.ts';

export interface CertificateToIssue {
  itemId: string;
  certificate: CertificateDeclaration;
  unitId: string;
}

/**
 * Numbers and records documents inside the caller's transaction (the deciding transition's): serials per kind and
 * Shanghai year, consecutive in the order given; an item never gets a second document of a kind it already has.
 */
export async function issueCertificates(tx: Queryable, list: CertificateToIssue[], now: Date, issuedBy: string | null): Promise<repo.CertificateRow[]> {
  if (!list.length) return [];
  const have = await repo.issuedKinds(tx, [...new Set(list.map((c) => c.itemId))]);
  const todo = list.filter((c) => {
    const key = `${c.itemId}:${c.certificate.kind}`;
    if (have.has(key)) return false;
    have.add(key);
    return true;
  });
  const year = Number(shanghaiDate(now).slice(0, 4));
  const rows: repo.CertificateRow[] = [];
  const kinds = [...new Set(todo.map((c) => c.certificate.kind))].sort();
  for (const kind of kinds) {
    const ofKind = todo.filter((c) => c.certificate.kind === kind);
    const first = await repo.reserveSerials(tx, kind, year, ofKind.length);
    ofKind.forEach((c, i) => {
      const serial = first + i;
      rows.push({ id: randomUUID(), itemId: c.itemId, kind, year, serial, number: certificateNumber(c.certificate.prefix, year, serial), issuedAt: now, unitId: c.unitId, issuedBy });
    });
  }
  await repo.insertCertificates(tx, rows);
  return rows;
}

/** Whether the item has been decided, and how: `approved`/`denied` for types that issue documents, null for others. */
export interface ItemDecision {
  decided: boolean;
  decision: Decision | null;
}

export async function decisionOfItem(db: Queryable, item: Pick<ItemState, 'id' | 'type' | 'status' | 'answeredAt'>): Promise<ItemDecision> {
  const decided = !!item.answeredAt && (item.status === 'answered' || item.status === 'closed');
  if (!decided) return { decided, decision: null };
  if (!itemType(item.type)?.certificates?.length) return { decided, decision: null };
  // An answer recorded without a decision approved (the field is optional, approval its default).
  const detail = await repo.lastAnswerDetail(db, item.id);
  return { decided, decision: detail?.decision === 'denied' ? 'denied' : 'approved' };
}

/** The documents as the holder, the staff and the public verification show them: no personal data in any of it. */
export async function presentCertificates(db: Queryable, itemId: string) {
  const rows = await repo.certificatesOfItem(db, itemId);
  const declared = new Map(itemTypes.flatMap((t) => t.certificates ?? []).map((c) => [c.kind, c]));
  const out = [];
  for (const r of rows) {
    const unit = await findUnit(db, r.unitId);
    out.push({
      kind: r.kind,
      name: declared.get(r.kind)?.names ?? { zh: r.kind, en: r.kind },
      number: r.number,
      issuedAt: formatShanghai(r.issuedAt),
      unitId: r.unitId,
      unit: unit ? { zh: unit.nameZh, en: unit.nameEn } : null,
    });
  }
  return out;
}

/** Every type that declares documents issues them on its deciding transitions and shows them with the item. */
export const certificateOutputs: Record<string, ItemOutputs> = Object.fromEntries(
  itemTypes
    .filter((type) => type.certificates?.length)
    .map((type): [string, ItemOutputs] => [
      type.code,
      {
        async afterTransition(tx, { before, item, action, fields, actor, now }) {
          const due = certificatesDue(type, before, item, action, fields);
          await issueCertificates(tx, due.map((d) => ({ itemId: item.id, ...d })), now, actor.id);
        },
        async describe(ctx: AppContext, item) {
          const { decision } = await decisionOfItem(ctx.database.db, item);
          return { decision, certificates: await presentCertificates(ctx.database.db, item.id) };
        },
      },
    ]),
);
