export * from './bytes';
export * from './errors';
export * from './keys';
export * from './passphraseBox';
export * from './envelope';
