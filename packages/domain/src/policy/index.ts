export * from './visibility.ts';
export * from './batch-visibility.ts';
