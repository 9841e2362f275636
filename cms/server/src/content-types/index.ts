import category from './category';
import course from './course';
import errorReport from './error-report';
import lesson from './lesson';
import progress from './progress';
import tag from './tag';

export default { lesson, course, tag, category, 'error-report': errorReport, progress };
