export * from './errors';
export * from './plans';
