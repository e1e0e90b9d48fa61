export * from './consolidate';
