export * from './status';
export * from './reminders';
