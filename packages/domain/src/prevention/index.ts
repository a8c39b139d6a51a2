export * from './lectures.ts';
