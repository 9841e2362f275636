// @lessons/shared/schemas: the zod schemas every boundary parses with (the plugin's requests and
// answers, the admin's, the widget's fixture server, the tests), and what validates with them.
export * from './transcript.js';
export * from './lesson.js';
export * from './progress.js';
export * from './report.js';
export * from './captions.js';
export * from './api-error.js';
export * from './responses.js';
export * from './admin-reports.js';
export * from './history.js';
export * from './analytics.js';
