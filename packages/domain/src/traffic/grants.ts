import { insideWindow, parseClock, shanghaiTimeOfDayMs } from './local-time.ts';
import type { TimeWindow } from './rules.ts';

export type RoadClass = 'expressway' | 'ordinary';
export type VehicleUse = 'general' | 'sanitation' | 'muck' | 'concrete';

export interface Vehicle {
  plate: string;
  newEnergy: boolean;
  totalMassKg: number;
  lengthMm: number;
  body: 'box' | 'other';
  use: VehicleUse;
}

export interface Road {
  inRestrictedZone: boolean;
  class: RoadClass;
  nightCorridor: boolean;
  roadId?: string;
}

/** A truck pass code (货车通行码) as the access check sees it. */
export interface PassCodeGrant {
  plate: string;
  validFrom: Date;
  /** Exclusive. */
  validTo: Date;
  roadClasses: RoadClass[];
  /** Absent: every road of the listed classes. */
  roadIds?: string[];
  status: 'valid' | 'revoked';
}

/** An NEV sanitation / sealed muck / concrete truck's filed route and times (M8 备案). */
export interface FilingGrant {
  plate: string;
  use: VehicleUse;
  roadIds: string[];
  windows: TimeWindow[];
  validFrom: Date;
  /** Exclusive. */
  validTo: Date;
  status: 'approved' | 'pending' | 'rejected' | 'revoked';
}

/** Plates compare without case or spaces: '鲁c 12345' is '鲁C12345'. */
export function samePlate(a: string, b: string): boolean {
  return a === b || a.replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();
}

function inValidity(g: { validFrom: Date; validTo: Date }, t: number): boolean {
  return g.validFrom.getTime() <= t && t < g.validTo.getTime();
}

export function passCodeCovers(g: PassCodeGrant, plate: string, road: Road, at: Date): boolean {
  return (
    g.status === 'valid' &&
    samePlate(g.plate, plate) &&
    inValidity(g, at.getTime()) &&
    g.roadClasses.includes(road.class) &&
    (g.roadIds === undefined || (road.roadId !== undefined && g.roadIds.includes(road.roadId)))
  );
}

const filedUses: readonly VehicleUse[] = ['sanitation', 'muck', 'concrete'];

/** A filing covers only its own NEV special vehicle, on a filed road, inside a filed window. */
export function filingCovers(g: FilingGrant, vehicle: Vehicle, road: Road, at: Date): boolean {
  if (
    g.status !== 'approved' ||
    !vehicle.newEnergy ||
    !filedUses.includes(vehicle.use) ||
    g.use !== vehicle.use ||
    !samePlate(g.plate, vehicle.plate) ||
    !inValidity(g, at.getTime()) ||
    road.roadId === undefined ||
    !g.roadIds.includes(road.roadId)
  ) {
    return false;
  }
  const tod = shanghaiTimeOfDayMs(at);
  return g.windows.some((w) => {
    const start = parseClock(w.start);
    const end = parseClock(w.end);
    return start !== null && end !== null && start !== end && insideWindow(start, end, tod);
  });
}
