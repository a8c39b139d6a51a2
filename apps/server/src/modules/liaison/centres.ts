import { randomUUID } from 'node:crypto';
import { isDistrict, isPoliceUser, shanghaiDate, type FieldError, type UnitType } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { liaisonActor, requireOffice, requireOfficeOver } from './policy.ts';
import { presentCentre } from './present.ts';
import * as repo from './repository.ts';
import { peopleOf } from './service.ts';
import { invalid, notFound } from './errors.ts';


export interface CentreInput {
  name: string;
  park: string;
  district: string;
  address: string;
  hours: string;
  phone: string;
  services: string[];
  staffIds: string[];
}

async function checkCentre(ctx: AppContext, c: CentreInput): Promise<void> {
  const errors: FieldError[] = [];
  if (!isDistrict(c.district)) errors.push({ path: 'district', code: 'not_in_options' });
  for (const [i, id] of c.staffIds.entries()) {
    const p = await repo.findPerson(ctx.database.db, { id });
    if (!p || p.disabled || !isPoliceUser({ role: p.role as never, unitType: p.unitType as UnitType | null })) errors.push({ path: `staffIds.${i}`, code: 'officer_not_police' });
  }
  if (errors.length) throw invalid(errors);
}

export async function publicCentres(ctx: AppContext, district: string | undefined) {
  const db = ctx.database.db;
  const rows = await repo.listCentres(db, district ?? null);
  const people = await peopleOf(db, rows.flatMap((r) => r.staffIds));
  return { centres: rows.map((c) => presentCentre(c, people)) };
}

async function presentOne(ctx: AppContext, id: string) {
  const c = (await repo.findCentre(ctx.database.db, id))!;
  return presentCentre(c, await peopleOf(ctx.database.db, c.staffIds));
}

export async function createCentre(ctx: AppContext, user: UserActor, c: CentreInput, ip: string) {
  const a = await liaisonActor(ctx, user);
  requireOffice(a);
  await checkCentre(ctx, c);
  requireOfficeOver(a, c.district);
  const id = randomUUID();
  const staffIds = [...new Set(c.staffIds)];
  await ctx.database.db.transaction(async (tx) => {
    await repo.insertCentre(tx, { id, ...c, staffIds, createdAt: ctx.now() });
    await recordAudit(tx, { actor: user, action: 'liaison.centre.create', subject: `centre:${id}`, detail: { name: c.name }, ip, at: ctx.now() });
  });
  return presentOne(ctx, id);
}

export async function updateCentre(ctx: AppContext, user: UserActor, id: string, patch: Partial<CentreInput>, ip: string) {
  const a = await liaisonActor(ctx, user);
  requireOffice(a);
  const before = await repo.findCentre(ctx.database.db, id);
  if (!before) throw notFound();
  requireOfficeOver(a, before.district);
  const next: CentreInput = { name: before.name, park: before.park, district: before.district, address: before.address, hours: before.hours, phone: before.phone, services: before.services, staffIds: before.staffIds, ...patch };
  await checkCentre(ctx, next);
  requireOfficeOver(a, next.district);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateCentre(tx, id, { ...next, staffIds: [...new Set(next.staffIds)] });
    await recordAudit(tx, { actor: user, action: 'liaison.centre.update', subject: `centre:${id}`, detail: patch, ip, at: ctx.now() });
  });
  return presentOne(ctx, id);
}

function presentBooking(r: Awaited<ReturnType<typeof repo.listBookings>>[number]) {
  return { id: r.b.id, centreId: r.b.centreId, centreName: r.centreName, enterpriseName: r.enterpriseName, date: r.b.bookedOn, slot: r.b.slot, purpose: r.b.purpose, createdAt: r.b.createdAt.toISOString() };
}

/** An enterprise books a visit to a centre (or a walk-in time) on a day after today. */
export async function bookCentre(ctx: AppContext, user: UserActor, centreId: string, b: { date: string; slot: 'am' | 'pm'; purpose: string }, ip: string) {
  if (!user.enterpriseId) throw notFound();
  const db = ctx.database.db;
  const centre = await repo.findCentre(db, centreId);
  if (!centre) throw notFound();
  const now = ctx.now();
  if (b.date <= shanghaiDate(now)) throw invalid([{ path: 'date', code: 'date_not_future' }]);
  const id = randomUUID();
  await db.transaction(async (tx) => {
    await repo.insertBooking(tx, { id, centreId, enterpriseId: user.enterpriseId!, bookedBy: user.id, bookedOn: b.date, slot: b.slot, purpose: b.purpose.trim(), createdAt: now });
    await recordAudit(tx, { actor: user, action: 'liaison.centre.book', subject: `centre:${centreId}`, detail: { date: b.date, slot: b.slot }, ip, at: now });
  });
  const rows = await repo.listBookings(db, { enterpriseId: user.enterpriseId });
  return presentBooking(rows.find((r) => r.b.id === id)!);
}

export async function myBookings(ctx: AppContext, user: UserActor) {
  if (!user.enterpriseId) throw notFound();
  return { bookings: (await repo.listBookings(ctx.database.db, { enterpriseId: user.enterpriseId })).map(presentBooking) };
}

/** A centre's bookings: for its staff and the office over its district. */
export async function centreBookings(ctx: AppContext, user: UserActor, centreId: string) {
  const a = await liaisonActor(ctx, user);
  const centre = await repo.findCentre(ctx.database.db, centreId);
  if (!centre) throw notFound();
  if (!centre.staffIds.includes(a.id)) requireOfficeOver(a, centre.district);
  return { bookings: (await repo.listBookings(ctx.database.db, { centreId })).map(presentBooking) };
}
