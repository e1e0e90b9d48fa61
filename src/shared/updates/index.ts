export * from './policy';
export * from './status';
export * from './version';
