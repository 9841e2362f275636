export const PLUGIN_ID = 'lessons';
export const LESSON_UID = 'plugin::lessons.lesson';
export const COURSE_UID = 'plugin::lessons.course';
export const TAG_UID = 'plugin::lessons.tag';
export const CATEGORY_UID = 'plugin::lessons.category';
export const REPORT_UID = 'plugin::lessons.error-report';
export const PROGRESS_UID = 'plugin::lessons.progress';
export const REVISION_UID = 'plugin::lessons.transcript-revision';
export const REVIEW_MARK_UID = 'plugin::lessons.review-mark';

export const ACTIONS = {
  readReports: 'plugin::lessons.reports.read',
  updateReports: 'plugin::lessons.reports.update',
  readAnalytics: 'plugin::lessons.analytics.read',
  readHistory: 'plugin::lessons.history.read',
  revertHistory: 'plugin::lessons.history.revert',
} as const;
