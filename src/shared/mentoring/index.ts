export * from './lifecycle';
export * from './reminders';
export * from './stats';
export * from './ics';
export * from './languages';
