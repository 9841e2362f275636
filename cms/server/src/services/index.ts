import adminReport from './admin-report';
import lesson from './lesson';
import progress from './progress';
import rateLimit from './rate-limit';
import report from './report';

export default { lesson, report, progress, rateLimit, adminReport };
