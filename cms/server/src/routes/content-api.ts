/**
 * Public routes under /api/lessons. They need no role permissions: the plugin answers them
 * itself (`auth: false`) and checks the reader's JWT where progress is concerned.
 */
const open = {
  auth: false as const,
  middlewares: [
    'plugin::lessons.database-unavailable',
    'plugin::lessons.allowed-origin',
    'plugin::lessons.valid-text',
  ],
};
const files = { auth: false as const };
/** Routes that care who the reader is: the reader middleware puts them in `ctx.state.reader`. */
const withReader = { ...open, middlewares: [...open.middlewares, 'plugin::lessons.reader'] };

export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/', handler: 'lesson.find', config: open },
    { method: 'GET', path: '/widget.js', handler: 'widget.loader', config: files },
    { method: 'GET', path: '/widget/:path(.*)', handler: 'widget.file', config: files },
    // Before '/:slug/…' routes: a lesson's preview page, by its documentId (services/preview.ts).
    { method: 'GET', path: '/:documentId/preview', handler: 'preview.page', config: open },
    { method: 'GET', path: '/:slug', handler: 'lesson.findOne', config: open },
    { method: 'GET', path: '/:slug/transcript', handler: 'lesson.transcript', config: open },
    { method: 'GET', path: '/:slug/embed.html', handler: 'lesson.embed', config: open },
    { method: 'POST', path: '/:slug/reports', handler: 'report.create', config: withReader },
    { method: 'GET', path: '/:slug/progress', handler: 'progress.get', config: withReader },
    { method: 'PUT', path: '/:slug/progress', handler: 'progress.put', config: withReader },
    { method: 'GET', path: '/:slug/course-progress', handler: 'courseProgress.get', config: withReader },
  ],
};
