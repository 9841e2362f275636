import adminReport from './admin-report';
import cacheVersion from './cache-version';
import lesson from './lesson';
import progress from './progress';
import rateLimit from './rate-limit';
import redis from './redis';
import report from './report';

export default { lesson, report, progress, rateLimit, adminReport, redis, cacheVersion };
