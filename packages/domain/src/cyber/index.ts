export * from './severities.ts';
export * from './findings.ts';
export * from './validate.ts';
export { cyberMessages } from './messages.ts';
