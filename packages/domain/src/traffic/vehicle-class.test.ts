import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyVehicle, type VehicleClass } from './vehicle-class.ts';

// [totalMassKg, lengthMm, body, vehicleClass, treatedAs, why]
const cases: [number, number, 'box' | 'other', VehicleClass, VehicleClass, string][] = [
  [3000, 4500, 'other', 'light', 'light', 'small van'],
  [4499, 5999, 'other', 'light', 'light', 'just under both light limits'],
  [4500, 5999, 'other', 'medium', 'medium', 'mass 4500 is not < 4500'],
  [4499, 6000, 'other', 'medium', 'medium', 'length 6000 is not < 6000'],
  [4000, 6001, 'other', 'medium', 'medium', 'long but light mass'],
  [4500, 5999, 'box', 'medium', 'light', 'medium box within 6 m / 8 t'],
  [4501, 5999, 'box', 'medium', 'light', 'medium box 4501 kg'],
  [8000, 6000, 'box', 'medium', 'light', 'box at both limits (≤ is inclusive)'],
  [8001, 6000, 'box', 'medium', 'medium', 'box 8001 kg is too heavy'],
  [8000, 6001, 'box', 'medium', 'medium', 'box 6001 mm is too long'],
  [8000, 6000, 'other', 'medium', 'medium', 'not a box body'],
  [11999, 9000, 'other', 'medium', 'medium', '11999 kg is still medium'],
  [12000, 9000, 'other', 'heavy', 'heavy', '12000 kg is heavy'],
  [12000, 5000, 'box', 'heavy', 'heavy', 'heavy never becomes light, however short'],
  [25000, 12000, 'other', 'heavy', 'heavy', 'tractor'],
  [3000, 4500, 'box', 'light', 'light', 'a light box truck stays light'],
];

for (const [totalMassKg, lengthMm, body, vehicleClass, treatedAs, why] of cases) {
  test(`classifyVehicle ${totalMassKg} kg ${lengthMm} mm ${body}: ${vehicleClass}/${treatedAs} (${why})`, () => {
    assert.deepEqual(classifyVehicle({ totalMassKg, lengthMm, body }), { vehicleClass, treatedAs });
  });
}
