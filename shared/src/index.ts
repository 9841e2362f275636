// Both halves, for the plugin, the admin and the tests. The widget imports `@lessons/shared/core`.
export * from './core/index.js';
export * from './schemas/index.js';
export * from './transcript-diff.js';
