import { ACTIONS, LESSON_UID } from '../utils/constants';

const can = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
  middlewares: ['plugin::lessons.database-unavailable', 'plugin::lessons.valid-text'],
});

export default {
  type: 'admin' as const,
  routes: [
    // Editors who may read lessons: the Content Manager's lesson list shows each one's place in its course.
    {
      method: 'GET',
      path: '/lesson-positions',
      handler: 'lessonPositions.find',
      config: {
        ...can(ACTIONS.readReports),
        // Not a report permission: reading lessons in the Content Manager.
        policies: [
          'admin::isAuthenticatedAdmin',
          {
            name: 'admin::hasPermissions',
            config: { actions: [['plugin::content-manager.explorer.read', LESSON_UID]] },
          },
        ],
      },
    },
    { method: 'GET', path: '/reports', handler: 'adminReport.find', config: can(ACTIONS.readReports) },
    { method: 'GET', path: '/reports/:id', handler: 'adminReport.findOne', config: can(ACTIONS.readReports) },
    {
      method: 'PUT',
      path: '/reports/:id',
      handler: 'adminReport.update',
      config: can(ACTIONS.updateReports),
    },
    {
      method: 'POST',
      path: '/reports/:id/apply',
      handler: 'adminReport.apply',
      config: can(ACTIONS.updateReports),
    },
    {
      method: 'GET',
      path: '/lesson-options',
      handler: 'adminReport.lessonOptions',
      config: can(ACTIONS.readReports),
    },
    { method: 'GET', path: '/revisions', handler: 'history.find', config: can(ACTIONS.readHistory) },
    { method: 'GET', path: '/revisions/:id', handler: 'history.findOne', config: can(ACTIONS.readHistory) },
    {
      method: 'POST',
      path: '/revisions/:id/revert',
      handler: 'history.revert',
      config: can(ACTIONS.revertHistory),
    },
    { method: 'GET', path: '/review-marks', handler: 'history.marks', config: can(ACTIONS.readHistory) },
    {
      method: 'GET',
      path: '/review-marks/counts',
      handler: 'history.markCounts',
      config: can(ACTIONS.readHistory),
    },
    {
      method: 'POST',
      path: '/review-marks/clear',
      handler: 'history.clearMark',
      config: can(ACTIONS.revertHistory),
    },
    {
      method: 'GET',
      path: '/analytics/lessons',
      handler: 'analytics.lessons',
      config: can(ACTIONS.readAnalytics),
    },
    {
      method: 'GET',
      path: '/analytics/lessons/:documentId',
      handler: 'analytics.lesson',
      config: can(ACTIONS.readAnalytics),
    },
  ],
};
