export * from './errors.ts';
export * from './messages/index.ts';
export * from './org/index.ts';
export * from './calendar/index.ts';
export * from './validation/index.ts';
export * from './items/index.ts';
export * from './traffic/index.ts';
export * from './liaison/index.ts';
