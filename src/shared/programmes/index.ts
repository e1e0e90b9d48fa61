export * from './breakdown';
export * from './certificates';
export * from './completion';
export * from './enrolment';
export * from './evaluation';
export * from './signInSheet';
export * from './stats';
export * from './evidencePack';
