/** The human checkpoint: settings, the pure decision, its summary section and the API reader. */
export * from './settings.js';
export * from './evaluate.js';
export * from './render.js';
export * from './fetch.js';
