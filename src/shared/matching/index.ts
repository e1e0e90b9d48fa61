export * from './score';
export * from './assign';
export * from './propose';
export { foldKey } from './fold';
