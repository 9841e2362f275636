import adminReport from './admin-report';
import analytics from './analytics';
import cacheVersion from './cache-version';
import history from './history';
import review from './review';
import courseProgress from './course-progress';
import lesson from './lesson';
import lessonCache from './lesson-cache';
import preview from './preview';
import progress from './progress';
import rateLimit from './rate-limit';
import redis from './redis';
import report from './report';
import reporterMail from './reporter-mail';

export default {
  lesson,
  lessonCache,
  report,
  progress,
  rateLimit,
  adminReport,
  redis,
  cacheVersion,
  reporterMail,
  history,
  review,
  analytics,
  courseProgress,
  preview,
};
