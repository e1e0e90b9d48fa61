export * from './consolidate';
export * from './inspectFiles';
export * from './ownPeople';
export * from './totalsOnly';
