export * from './analysis';
export * from './errors';
export * from './plans';
