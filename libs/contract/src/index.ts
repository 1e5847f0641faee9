export * from './analysis';
export * from './auth';
export * from './errors';
export * from './plans';
export * from './permissions';
export * from './revisions';
