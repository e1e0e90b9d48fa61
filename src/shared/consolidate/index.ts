export * from './consolidate';
export * from './inspectFiles';
export * from './ownPeople';
export * from './programmeTitles';
export * from './totalsOnly';
export * from './withheld';
