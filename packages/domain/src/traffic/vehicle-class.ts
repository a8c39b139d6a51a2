/** Vehicle classing of GA 802-2019 as SPEC §5 uses it. Fixed by the standard, not admin-editable. */

export type VehicleClass = 'light' | 'medium' | 'heavy';

export const HEAVY_MIN_MASS_KG = 12_000;
export const LIGHT_MAX_LENGTH_MM_EXCLUSIVE = 6_000;
export const LIGHT_MAX_MASS_KG_EXCLUSIVE = 4_500;
/** M8: a medium box truck ≤ 6 m and ≤ 8 t gets the same rights as a light truck. */
export const BOX_AS_LIGHT_MAX_LENGTH_MM = 6_000;
export const BOX_AS_LIGHT_MAX_MASS_KG = 8_000;

export interface VehicleDimensions {
  totalMassKg: number;
  lengthMm: number;
  body: 'box' | 'other';
}

export interface VehicleClassing {
  /** The class by GA 802-2019. */
  vehicleClass: VehicleClass;
  /** The class whose access rights the vehicle enjoys. */
  treatedAs: VehicleClass;
}

export function classifyVehicle(v: VehicleDimensions): VehicleClassing {
  const vehicleClass: VehicleClass =
    v.totalMassKg >= HEAVY_MIN_MASS_KG
      ? 'heavy'
      : v.lengthMm < LIGHT_MAX_LENGTH_MM_EXCLUSIVE && v.totalMassKg < LIGHT_MAX_MASS_KG_EXCLUSIVE
        ? 'light'
        : 'medium';
  const boxAsLight =
    vehicleClass === 'medium' &&
    v.body === 'box' &&
    v.lengthMm <= BOX_AS_LIGHT_MAX_LENGTH_MM &&
    v.totalMassKg <= BOX_AS_LIGHT_MAX_MASS_KG;
  return { vehicleClass, treatedAs: boxAsLight ? 'light' : vehicleClass };
}
