// Test data for specs, benchmarks and browser tests: `@tillit/domain/testing`, never the production entry.
export * from './synthetic-plan';
export * from './plan-builder';
export * from './findings';
