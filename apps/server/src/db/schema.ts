/** The database schema: one file per module, all of it exported here (drizzle-kit reads this file). */
export * from './schema-accounts.ts';
export * from './schema-calendar.ts';
export * from './schema-items.ts';
export * from './schema-notifications.ts';
export * from './schema-audit.ts';
export * from './schema-platform.ts';
export * from './schema-content.ts';
export * from './schema-traffic.ts';
export * from './schema-applications.ts';
export * from './schema-liaison.ts';
export * from './schema-prevention.ts';
export * from './schema-cases.ts';
export * from './schema-cyber.ts';
export * from './schema-outbox.ts';
export * from './schema-open-lectures.ts';
export * from './schema-password-resets.ts';
export * from './schema-disputes.ts';
