export * from './errors';
export * from './policy';
export * from './format';
export * from './pack';
export * from './logs';
export * from './plan';
export * from './departures';
