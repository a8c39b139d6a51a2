import { DomainError } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import { NOTIFY_CHANNEL } from '../items/service.ts';
import * as repo from './repository.ts';

/** `GET /notifications`: a user's notices, newest first, before an id; and how many are unread. */
export async function notificationsOf(ctx: AppContext, userId: string, beforeId: number | null, limit: number) {
  const rows = await repo.listNotifications(ctx.database.db, userId, beforeId, limit);
  return { unread: await repo.unreadCount(ctx.database.db, userId), rows };
}

/** `POST /notifications/:id/read`: marks the user's own notice read; another user's, or none, is not found. */
export async function markNotificationRead(ctx: AppContext, userId: string, id: number): Promise<void> {
  if (!(await repo.markRead(ctx.database.db, userId, id, ctx.now()))) throw new DomainError('not_found', { kind: 'not-found' });
}

/** `POST /notifications/read-all`: every unread notice of the user read at once. */
export async function markAllNotificationsRead(ctx: AppContext, userId: string): Promise<{ marked: number }> {
  return { marked: await repo.markAllRead(ctx.database.db, userId, ctx.now()) };
}

/**
 * Calls `onNotice` whenever a notice for this user is written on any instance (NOTIFY carries the user ids).
 * Resolves to the function that stops listening.
 */
export async function listenForNotices(ctx: AppContext, userId: string, onNotice: () => void): Promise<() => Promise<void>> {
  return ctx.database.listen(NOTIFY_CHANNEL, (payload) => {
    try {
      if ((JSON.parse(payload) as string[]).includes(userId)) onNotice();
    } catch {
      /* a malformed payload is not ours to answer */
    }
  });
}
