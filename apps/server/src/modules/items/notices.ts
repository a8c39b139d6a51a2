import type { ItemState, Notice } from '@jqt/domain';
import type { Queryable } from '../../db/client.ts';
import { userIdsInUnit, userIdsWithRole } from '../accounts/repository.ts';
import { insertNotifications } from '../notifications/repository.ts';

/** Resolves the domain's audiences to users and stores one notification per user. */
export async function deliverNotices(db: Queryable, item: ItemState & { number: string }, notices: Notice[], now: Date): Promise<string[]> {
  const rows: { userId: string; itemId: string; kind: string; params: Record<string, unknown>; createdAt: Date }[] = [];
  for (const n of notices) {
    const unitId = n.unitId ?? item.unitId;
    let users: string[] = [];
    switch (n.to) {
      case 'submitter':
        users = item.submitterId ? [item.submitterId] : [];
        break;
      case 'handler':
        users = item.assigneeId && !n.unitId ? [item.assigneeId] : await userIdsInUnit(db, unitId, ['officer']);
        break;
      case 'unit-leader':
        users = await userIdsInUnit(db, unitId, ['unit-leader']);
        break;
      case 'supervisors':
        users = await userIdsWithRole(db, 'supervisor');
        break;
      case 'receiving-unit':
      case 'branch-unit':
        users = await userIdsInUnit(db, unitId, ['officer', 'unit-leader', 'partner']);
        break;
    }
    for (const userId of new Set(users)) rows.push({ userId, itemId: item.id, kind: n.kind, params: { number: item.number }, createdAt: now });
  }
  await insertNotifications(db, rows);
  return [...new Set(rows.map((r) => r.userId))];
}
