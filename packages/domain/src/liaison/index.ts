export * from './liaison.ts';
export { liaisonMessages } from './messages.ts';
