export * from './templates.ts';
export * from './delivery.ts';
export * from './phone-code.ts';
export * from './password-reset.ts';
