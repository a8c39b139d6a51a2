import { randomUUID } from 'node:crypto';
import { createItem, DomainError, itemType, shanghaiDate, validateItemData, type DistrictCode, type FieldError, type ItemState, type ItemTypeDeclaration } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { findEnterprise, findUnitByRoute } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/service.ts';
import { deliverNotices } from '../items/notices.ts';
import * as itemsRepo from '../items/repository.ts';
import { getItem, wake } from '../items/service.ts';

/** 打包办 covers the approvals of the green channel (M3–M6); types with outputs of their own are filed alone. */
const PACKAGEABLE_MEASURES = [3, 4, 5, 6];

/**
 * 打包办 (M6): several related items opened by one submission, in one transaction, sharing a `packageId`.
 * Every item is checked first; one bad field anywhere is a 422 naming it (`items.2.data.location`) and nothing is saved.
 */
export async function submitPackage(ctx: AppContext, actor: UserActor, entries: { type: string; data: Record<string, unknown> }[], ip: string) {
  const kind = actor.role === 'applicant' ? 'applicant' : 'enterprise';
  const now = ctx.now();
  const today = shanghaiDate(now);
  const db = ctx.database.db;
  const errors: FieldError[] = [];
  const checked: { index: number; type: ItemTypeDeclaration; value: Record<string, unknown> }[] = [];
  entries.forEach((e, i) => {
    const type = itemType(e.type);
    if (!type) return void errors.push({ path: `items.${i}.type`, code: 'item_type_unknown' });
    if (!PACKAGEABLE_MEASURES.includes(type.measure)) return void errors.push({ path: `items.${i}.type`, code: 'package_type_not_allowed' });
    if (!type.submitters.includes(kind)) return void errors.push({ path: `items.${i}.type`, code: 'submitter_not_allowed' });
    const r = validateItemData(type, e.data, today, `items.${i}.data`);
    errors.push(...r.errors);
    checked.push({ index: i, type, value: r.value });
  });
  // Attachments named anywhere must be the submitter's own uploads.
  for (const c of checked) {
    for (const f of c.type.form) {
      if (f.kind !== 'attachments' || !Array.isArray(c.value[f.name])) continue;
      const ids = c.value[f.name] as string[];
      const own = await itemsRepo.ownAttachments(db, actor.id, ids);
      ids.forEach((id, k) => {
        if (!own.includes(id)) errors.push({ path: `items.${c.index}.data.${f.name}.${k}`, code: 'attachment_not_found' });
      });
    }
  }
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });

  const enterprise = actor.enterpriseId ? await findEnterprise(db, actor.enterpriseId) : undefined;
  const calendar = await calendarOf(ctx);
  const packageId = randomUUID();
  const states: ItemState[] = [];
  for (const c of checked) {
    const target = c.type.route({ data: c.value, enterpriseDistrict: enterprise?.district as DistrictCode | undefined });
    const unit = await findUnitByRoute(db, target.unitType, target.district ?? null);
    if (!unit) throw new DomainError('no_unit_for_route', { kind: 'unavailable', params: target as unknown as Record<string, unknown> });
    states.push(createItem({ id: randomUUID(), type: c.type, data: c.value, submitterId: actor.id, enterpriseId: actor.enterpriseId, unitId: unit.id, now, calendar }));
  }

  let notified: string[] = [];
  await db.transaction(async (tx) => {
    const numbers = await itemsRepo.nextItemNumbers(tx, `JQ${today.replace(/-/g, '')}`, states.length);
    await itemsRepo.insertItems(tx, states.map((s, i) => ({ state: s, number: numbers[i], packageId })), calendar);
    await itemsRepo.insertEvents(
      tx,
      states.map((s) => ({
        itemId: s.id,
        at: now,
        actorId: actor.id,
        actorName: actor.displayName,
        actorRole: actor.role,
        action: 'submit',
        fromStatus: null,
        toStatus: 'submitted',
        note: null,
        detail: { unitId: s.unitId, packageId, packageSize: states.length },
      })),
    );
    for (const [i, s] of states.entries()) {
      await recordAudit(tx, { actor, action: 'item.submit', subject: `item:${s.id}`, detail: { type: s.type, number: numbers[i], packageId }, ip, at: now });
      notified.push(...(await deliverNotices(tx, { ...s, number: numbers[i] }, [{ to: 'handler', kind: 'new_item' }], now)));
    }
  });
  notified = [...new Set(notified)];
  await wake(ctx, notified);
  const items = [];
  for (const s of states) items.push(await getItem(ctx, actor, s.id));
  return { packageId, items };
}
