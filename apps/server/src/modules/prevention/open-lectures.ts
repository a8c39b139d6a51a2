import { randomUUID } from 'node:crypto';
import { DomainError, formatShanghai, placeSignup, promotions, shanghaiDate, signupRefusal, validateOpenLecture, waitlistPosition, seatsTaken, type OpenLectureStatus, type SignupStatus } from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../db/client.ts';
import type { UserActor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/service.ts';
import { calendarOf } from '../calendar/work-calendar.ts';
import { unitTypeOf } from '../cyber/repository.ts';
import { wake } from '../items/service.ts';
import { insertNotifications } from '../notifications/repository.ts';
import * as repo from './open-lectures-repository.ts';
import { enterpriseUserIds } from './warnings-repository.ts';

type Standing = 'team' | 'reader' | 'enterprise' | 'none';

/** The lecture team's staff manage; supervisors and unit leaders read the coverage; enterprise people sign up. */
async function standingOf(ctx: AppContext, actor: UserActor): Promise<Standing> {
  if (actor.role === 'officer' || actor.role === 'unit-leader') {
    if ((await unitTypeOf(ctx.database.db, actor.unitId)) === 'lecture-team') return 'team';
    return actor.role === 'unit-leader' ? 'reader' : 'none';
  }
  if (actor.role === 'supervisor') return 'reader';
  if ((actor.role === 'enterprise-admin' || actor.role === 'enterprise-staff') && actor.enterpriseId) return 'enterprise';
  return 'none';
}

async function teamOnly(ctx: AppContext, actor: UserActor) {
  if ((await standingOf(ctx, actor)) !== 'team') throw new DomainError('open_lecture_team_only', { kind: 'forbidden' });
}

const facts = (l: repo.OpenLectureRow) => ({ status: l.status as OpenLectureStatus, date: l.date });
const seats = (rows: { s: repo.SignupRow }[]) => rows.map(({ s }) => ({ id: s.id, status: s.status as SignupStatus, attendees: s.attendees, position: s.position }));

/** What the portal shows: the lecture and its seats left, no names of who signed up. */
function presentPublic(l: repo.OpenLectureRow, taken: number, waiting: number, today: string) {
  return {
    id: l.id,
    title: l.title,
    topics: l.topics,
    date: l.date,
    startTime: l.startTime,
    durationMinutes: l.durationMinutes,
    place: l.place,
    speaker: l.speaker,
    capacity: l.capacity,
    seatsLeft: Math.max(0, l.capacity - taken),
    waitlisted: waiting,
    status: l.status as OpenLectureStatus,
    open: signupRefusal(facts(l), today) === null,
  };
}

const today = (ctx: AppContext) => shanghaiDate(ctx.now());

async function signupsByLecture(db: Queryable, ids: string[]) {
  const rows = await repo.signupsOf(db, ids);
  const by = new Map<string, typeof rows>();
  for (const r of rows) by.set(r.s.lectureId, [...(by.get(r.s.lectureId) ?? []), r]);
  return by;
}

export async function portalLectures(ctx: AppContext) {
  const db = ctx.database.db;
  const day = today(ctx);
  const lectures = await repo.upcomingLectures(db, day, 100);
  const by = await signupsByLecture(db, lectures.map((l) => l.id));
  return {
    lectures: lectures.map((l) => {
      const s = seats(by.get(l.id) ?? []);
      return presentPublic(l, seatsTaken(s), s.filter((x) => x.status === 'waitlisted').length, day);
    }),
  };
}

function presentTeam(l: repo.OpenLectureRow, rows: Awaited<ReturnType<typeof repo.signupsOf>>, day: string) {
  const s = seats(rows);
  return {
    ...presentPublic(l, seatsTaken(s), s.filter((x) => x.status === 'waitlisted').length, day),
    createdAt: formatShanghai(l.createdAt),
    cancelledAt: l.cancelledAt ? formatShanghai(l.cancelledAt) : null,
    signups: rows.map(({ s: r, enterpriseName, district }) => ({
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName,
      district,
      attendees: r.attendees,
      status: r.status as SignupStatus,
      waitlistPosition: waitlistPosition(s, r.id),
      signedUpAt: formatShanghai(r.createdAt),
    })),
    abilities: { canCancel: l.status === 'published' && l.date > day },
  };
}

export async function teamLectures(ctx: AppContext, actor: UserActor) {
  await teamOnly(ctx, actor);
  const db = ctx.database.db;
  const lectures = await repo.listLectures(db, actor.unitId, 200);
  const by = await signupsByLecture(db, lectures.map((l) => l.id));
  const day = today(ctx);
  return { lectures: lectures.map((l) => presentTeam(l, by.get(l.id) ?? [], day)) };
}

async function teamLecture(ctx: AppContext, actor: UserActor, id: string) {
  const l = await repo.findLecture(ctx.database.db, id);
  if (!l || l.unitId !== actor.unitId) throw new DomainError('not_found', { kind: 'not-found' });
  return presentTeam(l, await repo.signupsOf(ctx.database.db, [id]), today(ctx));
}

export async function getTeamLecture(ctx: AppContext, actor: UserActor, id: string) {
  await teamOnly(ctx, actor);
  return teamLecture(ctx, actor, id);
}

/** 发布: every bad field at once, nothing saved on an error. */
export async function publishLecture(ctx: AppContext, actor: UserActor, input: unknown, ip: string) {
  await teamOnly(ctx, actor);
  const { value, errors } = validateOpenLecture(input, today(ctx), await calendarOf(ctx));
  if (errors.length) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  const id = randomUUID();
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    await repo.insertLecture(tx, { id, unitId: actor.unitId!, ...value, status: 'published', createdBy: actor.id, createdAt: now });
    await recordAudit(tx, { actor, action: 'open-lecture.publish', subject: `open-lecture:${id}`, detail: { date: value.date, capacity: value.capacity }, ip, at: now });
  });
  return teamLecture(ctx, actor, id);
}

/** 取消宣讲: every enterprise still signed up (confirmed or waiting) is told. */
export async function cancelLecture(ctx: AppContext, actor: UserActor, id: string, ip: string) {
  await teamOnly(ctx, actor);
  const now = ctx.now();
  let woken: string[] = [];
  await ctx.database.db.transaction(async (tx) => {
    const l = await repo.findLecture(tx, id, true);
    if (!l || l.unitId !== actor.unitId) throw new DomainError('not_found', { kind: 'not-found' });
    const refusal = signupRefusal(facts(l), today(ctx));
    if (refusal) throw new DomainError(refusal, { kind: 'conflict' });
    await repo.updateLecture(tx, id, { status: 'cancelled', cancelledAt: now });
    const active = (await repo.signupsOf(tx, [id])).filter((r) => r.s.status !== 'cancelled');
    woken = await enterpriseUserIds(tx, [...new Set(active.map((r) => r.s.enterpriseId))]);
    await insertNotifications(tx, woken.map((userId) => ({ userId, kind: 'open_lecture_cancelled', params: { lectureId: id, title: l.title, date: l.date }, createdAt: now })));
    await recordAudit(tx, { actor, action: 'open-lecture.cancel', subject: `open-lecture:${id}`, detail: { signups: active.length }, ip, at: now });
  });
  await wake(ctx, woken);
  return teamLecture(ctx, actor, id);
}

function presentMine(l: repo.OpenLectureRow, s: repo.SignupRow, all: ReturnType<typeof seats>, day: string) {
  return {
    id: s.id,
    lecture: presentPublic(l, seatsTaken(all), all.filter((x) => x.status === 'waitlisted').length, day),
    attendees: s.attendees,
    status: s.status as SignupStatus,
    waitlistPosition: waitlistPosition(all, s.id),
    signedUpAt: formatShanghai(s.createdAt),
    abilities: { canCancel: s.status !== 'cancelled' && signupRefusal(facts(l), day) === null },
  };
}

async function enterpriseOnly(ctx: AppContext, actor: UserActor) {
  if ((await standingOf(ctx, actor)) !== 'enterprise') throw new DomainError('forbidden', { kind: 'forbidden' });
  return actor.enterpriseId!;
}

/** The enterprise center: its sign-ups, newest first, with the waitlist position. */
export async function enterpriseSignups(ctx: AppContext, actor: UserActor) {
  return listMine(ctx, await enterpriseOnly(ctx, actor));
}

async function listMine(ctx: AppContext, enterpriseId: string) {
  const db = ctx.database.db;
  const mine = await repo.signupsOfEnterprise(db, enterpriseId);
  const ids = [...new Set(mine.map((s) => s.lectureId))];
  const by = await signupsByLecture(db, ids);
  const lectures = new Map<string, repo.OpenLectureRow>();
  for (const id of ids) lectures.set(id, (await repo.findLecture(db, id))!);
  const day = today(ctx);
  return { signups: mine.map((s) => presentMine(lectures.get(s.lectureId)!, s, seats(by.get(s.lectureId) ?? []), day)) };
}

async function mySignup(ctx: AppContext, enterpriseId: string, id: string) {
  const { signups } = await listMine(ctx, enterpriseId);
  return signups.find((s) => s.id === id)!;
}

/**
 * 报名: under a lock on the lecture row, so two enterprises taking the last seat at once queue behind each other and
 * the second is waitlisted. One active sign-up per enterprise (409).
 */
export async function signUp(ctx: AppContext, actor: UserActor, lectureId: string, attendees: number, ip: string) {
  const enterpriseId = await enterpriseOnly(ctx, actor);
  const now = ctx.now();
  const id = randomUUID();
  await ctx.database.db.transaction(async (tx) => {
    const l = await repo.findLecture(tx, lectureId, true);
    if (!l) throw new DomainError('not_found', { kind: 'not-found' });
    const refusal = signupRefusal(facts(l), today(ctx));
    if (refusal) throw new DomainError(refusal, { kind: 'conflict' });
    if (await repo.activeSignup(tx, lectureId, enterpriseId)) throw new DomainError('open_lecture_signed_up', { kind: 'conflict' });
    const all = seats(await repo.signupsOf(tx, [lectureId]));
    const status = placeSignup(all, l.capacity, attendees);
    const position = all.reduce((m, s) => Math.max(m, s.position), 0) + 1;
    await repo.insertSignup(tx, { id, lectureId, enterpriseId, userId: actor.id, attendees, status, position, createdAt: now, updatedAt: now });
    await recordAudit(tx, { actor, action: 'open-lecture.sign-up', subject: `open-lecture:${lectureId}`, detail: { signupId: id, status, attendees }, ip, at: now });
  });
  return mySignup(ctx, enterpriseId, id);
}

/** 取消报名: another enterprise's sign-up is 404; a confirmed seat freed promotes the waitlist in order. */
export async function cancelSignup(ctx: AppContext, actor: UserActor, signupId: string, ip: string) {
  const enterpriseId = await enterpriseOnly(ctx, actor);
  const db = ctx.database.db;
  const now = ctx.now();
  let woken: string[] = [];
  const [own] = (await repo.signupsOfEnterprise(db, enterpriseId)).filter((s) => s.id === signupId);
  if (!own) throw new DomainError('not_found', { kind: 'not-found' });
  await db.transaction(async (tx) => {
    const l = (await repo.findLecture(tx, own.lectureId, true))!;
    const refusal = signupRefusal(facts(l), today(ctx));
    if (refusal) throw new DomainError(refusal, { kind: 'conflict' });
    const rows = await repo.signupsOf(tx, [l.id]);
    const mine = rows.find((r) => r.s.id === signupId)!;
    if (mine.s.status === 'cancelled') return;
    await repo.setSignupStatus(tx, [signupId], 'cancelled', now);
    const after = seats(rows).map((s) => (s.id === signupId ? { ...s, status: 'cancelled' as const } : s));
    const promoted = promotions(after, l.capacity);
    await repo.setSignupStatus(tx, promoted, 'confirmed', now);
    const promotedEnterprises = rows.filter((r) => promoted.includes(r.s.id)).map((r) => r.s.enterpriseId);
    woken = await enterpriseUserIds(tx, promotedEnterprises);
    await insertNotifications(tx, woken.map((userId) => ({ userId, kind: 'open_lecture_promoted', params: { lectureId: l.id, title: l.title, date: l.date }, createdAt: now })));
    await recordAudit(tx, { actor, action: 'open-lecture.cancel-sign-up', subject: `open-lecture:${l.id}`, detail: { signupId, promoted }, ip, at: now });
  });
  await wake(ctx, woken);
  return mySignup(ctx, enterpriseId, signupId);
}

/** 年度覆盖: team, unit leaders and supervisors; cells of district × topic with the enterprises reached (lectures held). */
export async function lectureCoverage(ctx: AppContext, actor: UserActor, year: number) {
  const standing = await standingOf(ctx, actor);
  if (standing !== 'team' && standing !== 'reader') throw new DomainError('forbidden', { kind: 'forbidden' });
  return { year, cells: await repo.coverage(ctx.database.db, year, today(ctx)) };
}
