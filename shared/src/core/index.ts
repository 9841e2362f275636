// @lessons/shared/core: the contracts' types, constants and pure functions, with no zod at run
// time (types come from the schemas through `import type` only), so the widget can take what it
// needs without shipping a validator. core.test.ts holds that line.
export * from './transcript.js';
export * from './lesson.js';
export * from './video.js';
export * from './progress.js';
export * from './segments.js';
export * from './coverage.js';
export * from './analytics.js';
export * from './report.js';
export * from './anchor.js';
export * from './captions.js';
export * from './chapters.js';
export * from './api-error.js';
export * from './responses.js';
export * from './admin-reports.js';
export * from './history.js';
export * from './review.js';
export * from './media-fragment.js';
