import type { ItemState, Notice } from '@jqt/domain';
import type { Queryable } from '../../db/client.ts';
import { userIdsInUnit, userIdsWithRole } from '../accounts/repository.ts';
import { insertNotifications } from '../notifications/repository.ts';

type NoticeRow = { userId: string; itemId: string; kind: string; params: Record<string, unknown>; createdAt: Date };

/**
 * Resolves the domain's audiences to users and stores one notification per user and notice, for many items in
 * one insert; each unit's and role's users are read once per call (a sweep escalates hundreds of items of a few units).
 * Returns the users to wake.
 */
export async function deliverNoticesMany(db: Queryable, list: { item: ItemState & { number: string }; notices: Notice[] }[], now: Date): Promise<string[]> {
  const lookups = new Map<string, Promise<string[]>>();
  const once = (key: string, read: () => Promise<string[]>) => {
    if (!lookups.has(key)) lookups.set(key, read());
    return lookups.get(key)!;
  };
  const inUnit = (unitId: string, roles: string[]) => once(`${unitId}|${roles.join(',')}`, () => userIdsInUnit(db, unitId, roles));
  const rows: NoticeRow[] = [];
  for (const { item, notices } of list) {
    for (const n of notices) {
      const unitId = n.unitId ?? item.unitId;
      let users: string[] = [];
      switch (n.to) {
        case 'submitter':
          users = item.submitterId ? [item.submitterId] : [];
          break;
        case 'handler':
          users = item.assigneeId && !n.unitId ? [item.assigneeId] : await inUnit(unitId, ['officer']);
          break;
        case 'unit-leader':
          users = await inUnit(unitId, ['unit-leader']);
          break;
        case 'supervisors':
          users = await once('role|supervisor', () => userIdsWithRole(db, 'supervisor'));
          break;
        case 'receiving-unit':
        case 'branch-unit':
          users = await inUnit(unitId, ['officer', 'unit-leader', 'partner']);
          break;
      }
      for (const userId of new Set(users)) rows.push({ userId, itemId: item.id, kind: n.kind, params: { ...n.params, number: item.number }, createdAt: now });
    }
  }
  await insertNotifications(db, rows);
  return [...new Set(rows.map((r) => r.userId))];
}

/** The notices of one item's transition. */
export function deliverNotices(db: Queryable, item: ItemState & { number: string }, notices: Notice[], now: Date): Promise<string[]> {
  return deliverNoticesMany(db, [{ item, notices }], now);
}
