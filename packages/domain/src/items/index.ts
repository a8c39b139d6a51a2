export * from './form.ts';
export * from './item-type.ts';
export * from './item.ts';
export * from './actions.ts';
export * from './certificates.ts';
export * from './escalation.ts';
export * from './clock.ts';
export * from './types/index.ts';
