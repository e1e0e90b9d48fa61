export * from './errors';
export * from './fileName';
export * from './invitation';
export * from './privacy';
export * from './pseudonymise';
export * from './format';
export * from './write';
export * from './read';
