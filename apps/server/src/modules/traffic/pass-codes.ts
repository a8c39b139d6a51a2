import { createHmac, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import QRCode from 'qrcode';
import {
  DomainError,
  PASS_CODE_MAX_DAYS,
  checkValidity,
  formatShanghai,
  parseIdList,
  passCodeRoadClasses,
  type FieldError,
  type ItemState,
  type PassCodeKind,
} from '@jqt/domain';
import type { AppContext } from '../../context.ts';
import type { Database, Queryable } from '../../db/client.ts';
import { ensureSetting } from '../../db/settings.ts';
import type { RequestActor, UserActor } from '../accounts/actor.ts';
import { findUnit } from '../accounts/repository.ts';
import { recordAudit } from '../audit/service.ts';
import { recordItemEvent, wake } from '../items/service.ts';
import * as repo from './repository.ts';

/** The signing key is generated once per installation and kept in the database, never in the repository. */
const KEY_SETTING = 'pass_code_hmac_key';
const keys = new WeakMap<Database, Buffer>();
async function signingKey(ctx: AppContext, db: Queryable): Promise<Buffer> {
  let key = keys.get(ctx.database);
  if (!key) {
    key = Buffer.from(await ensureSetting(db, KEY_SETTING, () => randomBytes(32).toString('hex')), 'hex');
    keys.set(ctx.database, key);
  }
  return key;
}

type Signed = Pick<repo.PassCodeRow, 'code' | 'plate' | 'kind' | 'validFrom' | 'validTo' | 'roadClasses' | 'roadIds'>;

/** HMAC over every field a roadside officer relies on: change one in the database and the code is no longer genuine. */
function sign(key: Buffer, p: Signed): string {
  const payload = [p.code, p.plate, p.kind, p.validFrom.toISOString(), p.validTo.toISOString(), p.roadClasses.join(','), (p.roadIds ?? []).join(',')].join('|');
  return createHmac('sha256', key).update(payload).digest('base64url').slice(0, 22);
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function newCode(): string {
  let s = 'TX';
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** The web page a scanned QR opens (it reads `GET /api/v1/public/pass-codes/:code?s=`); the link is the capability. */
export function verifyPath(code: string, signature: string): string {
  return `/pass-codes/${code}?s=${signature}`;
}

export function statusAt(r: repo.PassCodeRow, now: Date): 'valid' | 'revoked' | 'expired' | 'not-yet-valid' {
  if (r.status === 'revoked') return 'revoked';
  if (now.getTime() >= r.validTo.getTime()) return 'expired';
  if (now.getTime() < r.validFrom.getTime()) return 'not-yet-valid';
  return 'valid';
}

/** The holder's and the traffic police's view of a code (with its signed verification link). */
export function presentPassCode(r: repo.PassCodeRow, now: Date) {
  return {
    id: r.id,
    code: r.code,
    itemId: r.itemId,
    plate: r.plate,
    kind: r.kind,
    roadClasses: r.roadClasses,
    roadIds: r.roadIds ?? [],
    validFrom: formatShanghai(r.validFrom),
    validTo: formatShanghai(r.validTo),
    status: statusAt(r, now),
    revokedAt: r.revokedAt ? formatShanghai(r.revokedAt) : null,
    revokeReason: r.revokeReason,
    verifyUrl: verifyPath(r.code, r.signature),
    qrUrl: `/api/v1/public/pass-codes/${r.code}/qr.png?s=${r.signature}`,
  };
}

/** The application's own checks: validity for its kind, and that every named road exists. */
export async function checkTruckPassData(tx: Queryable, data: Record<string, unknown>, now: Date): Promise<{ validFrom: Date; validTo: Date; roadIds: string[] }> {
  const kind = data.kind as PassCodeKind;
  const errors: FieldError[] = [];
  const validity = checkValidity({ validFrom: String(data.validFrom), validTo: String(data.validTo) }, now, PASS_CODE_MAX_DAYS[kind]);
  if (!validity.ok) errors.push(...validity.errors);
  const roadIds = parseIdList(data.roadIds);
  errors.push(...(await unknownRoads(tx, roadIds)));
  if (errors.length || !validity.ok) throw new DomainError('validation_failed', { kind: 'invalid', errors });
  return { validFrom: validity.validFrom, validTo: validity.validTo, roadIds };
}

export async function unknownRoads(tx: Queryable, ids: string[]): Promise<FieldError[]> {
  const known = new Set((await repo.listRoads(tx)).map((r) => r.id));
  return ids.filter((id) => !known.has(id)).map((id) => ({ path: 'data.roadIds', code: 'road_list_invalid', params: { id } }));
}

/** Issues the code an approved (or instant) truck-pass application asks for, in the caller's transaction. */
export async function issuePassCode(ctx: AppContext, tx: Queryable, item: ItemState, now: Date, actor: RequestActor | null): Promise<repo.PassCodeRow> {
  const checked = await checkTruckPassData(tx, item.data, item.submittedAt);
  const key = await signingKey(ctx, tx);
  const row: repo.PassCodeRow = {
    id: randomUUID(),
    code: newCode(),
    itemId: item.id,
    enterpriseId: item.enterpriseId,
    plate: String(item.data.plate),
    kind: String(item.data.kind),
    roadClasses: passCodeRoadClasses(item.data.roadClasses),
    roadIds: checked.roadIds.length ? checked.roadIds : null,
    validFrom: checked.validFrom,
    validTo: checked.validTo,
    status: 'valid',
    signature: '',
    createdAt: now,
    revokedAt: null,
    revokeReason: null,
  };
  row.signature = sign(key, row);
  await repo.insertPassCode(tx, row);
  await recordAudit(tx, { actor, action: 'traffic.pass-code.issue', subject: `pass-code:${row.id}`, detail: { code: row.code, itemId: item.id, kind: row.kind }, at: now });
  return row;
}

/** Plates shown to whoever scans a code: enough to compare with the truck, not the whole number. */
export function maskPlate(plate: string): string {
  return plate.length <= 5 ? plate : `${plate.slice(0, 3)}${'*'.repeat(plate.length - 5)}${plate.slice(-2)}`;
}

/** Public verification (a roadside officer's phone): a missing or altered signature, or an unknown code, is not genuine. */
export async function verifyPassCode(ctx: AppContext, code: string, signature: string | undefined) {
  const db = ctx.database.db;
  const row = /^[A-Z0-9]{4,20}$/.test(code) ? await repo.findPassCodeByCode(db, code) : undefined;
  if (!row || !signature) return { genuine: false, code };
  const expected = sign(await signingKey(ctx, db), row);
  if (!sameSignature(expected, signature) || !sameSignature(expected, row.signature)) return { genuine: false, code };
  return {
    genuine: true,
    code: row.code,
    plate: maskPlate(row.plate),
    kind: row.kind,
    validFrom: formatShanghai(row.validFrom),
    validTo: formatShanghai(row.validTo),
    status: statusAt(row, ctx.now()),
    roadClasses: row.roadClasses,
    roadIds: row.roadIds ?? [],
  };
}

/** The QR image of the signed verification link; only for a correct signature (the link is the capability). */
export async function passCodeQr(ctx: AppContext, code: string, signature: string | undefined, origin: string): Promise<Buffer> {
  const v = await verifyPassCode(ctx, code, signature);
  if (!v.genuine) throw new DomainError('pass_code_not_found', { kind: 'not-found' });
  return QRCode.toBuffer(`${origin}${verifyPath(code, signature!)}`, { type: 'png', width: 320, margin: 2, errorCorrectionLevel: 'M' });
}

const trafficUnitTypes = ['traffic-police', 'traffic-brigade'];
export async function assertTrafficOfficer(db: Queryable, actor: UserActor) {
  const unit = actor.unitId ? await findUnit(db, actor.unitId) : undefined;
  if (!unit || !trafficUnitTypes.includes(unit.unitType)) throw new DomainError('forbidden', { kind: 'forbidden' });
}

export async function revokePassCode(ctx: AppContext, actor: UserActor, id: string, reason: string, ip: string) {
  const db = ctx.database.db;
  await assertTrafficOfficer(db, actor);
  const now = ctx.now();
  let notified: string[] = [];
  const row = await db.transaction(async (tx) => {
    const row = /^[0-9a-f-]{36}$/.test(id) ? await repo.findPassCode(tx, id, true) : undefined;
    if (!row) throw new DomainError('pass_code_not_found', { kind: 'not-found' });
    if (row.status === 'revoked') throw new DomainError('pass_code_already_revoked', { kind: 'conflict' });
    await repo.revokePassCode(tx, id, now, reason);
    await recordAudit(tx, { actor, action: 'traffic.pass-code.revoke', subject: `pass-code:${id}`, detail: { code: row.code, itemId: row.itemId, reason }, ip, at: now });
    // The application that obtained the code shows who revoked it, when and why; its holder is told.
    if (row.itemId) {
      notified = await recordItemEvent(tx, {
        itemId: row.itemId,
        actor,
        at: now,
        event: { action: 'revoke-pass-code', note: reason, detail: { passCodeId: row.id, code: row.code, reason } },
        notices: [{ to: 'submitter', kind: 'pass_code_revoked', params: { code: row.code, reason } }],
      });
    }
    return (await repo.findPassCode(tx, id))!;
  });
  await wake(ctx, notified);
  return presentPassCode(row, now);
}

/** Traffic officers see every code (by plate); enterprise people their enterprise's; applicants their own items'. */
export async function listPassCodes(ctx: AppContext, actor: UserActor, plate: string | undefined) {
  const rows = await passCodeRows(ctx, actor, plate);
  const now = ctx.now();
  return { passCodes: rows.map((r) => presentPassCode(r, now)) };
}

/** The list's rows, newest first: the list shows 200, its ledger up to the ledger's cap (the same query). */
export async function passCodeRows(ctx: AppContext, actor: UserActor, plate: string | undefined, limit?: number) {
  const db = ctx.database.db;
  const enterprise = actor.role === 'enterprise-admin' || actor.role === 'enterprise-staff';
  if (!enterprise) await assertTrafficOfficer(db, actor);
  return repo.listPassCodes(db, { plate: plate?.trim().toUpperCase() || undefined, enterpriseId: enterprise ? (actor.enterpriseId ?? '00000000-0000-0000-0000-000000000000') : undefined }, limit);
}

