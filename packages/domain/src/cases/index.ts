export * from './categories.ts';
export { caseMessages } from './messages.ts';
export * from './forms.ts';
export * from './bulletin.ts';
