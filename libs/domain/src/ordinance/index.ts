export * from './ordinance.schema';
export * from './source';
export * from './columns';
export * from './delegates';
export * from './limit-parser';
export * from './interpret';
export * from './to-plan';
