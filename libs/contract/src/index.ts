export * from './analysis';
export * from './auth';
export * from './errors';
export * from './ordinance';
export * from './plans';
export * from './permissions';
export * from './revisions';
