export * from './result.js';
export * from './errors.js';
export type * from './gate.js';
export * from './result-schema.js';
