export * from './roles.ts';
export * from './districts.ts';
export * from './unit-types.ts';
export * from './industries.ts';
