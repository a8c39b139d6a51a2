export * from './lectures.ts';
export * from './legal.ts';
export * from './warnings.ts';
export * from './open-lectures.ts';
export * from './disputes.ts';
