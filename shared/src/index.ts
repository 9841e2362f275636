export * from './transcript.js';
export * from './lesson.js';
export * from './report.js';
export * from './progress.js';
export * from './api-error.js';
export * from './segments.js';
export * from './anchor.js';
export * from './captions.js';
