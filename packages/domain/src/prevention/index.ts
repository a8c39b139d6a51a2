export * from './lectures.ts';
export * from './legal.ts';
