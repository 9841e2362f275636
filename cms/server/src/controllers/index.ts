import adminReport from './admin-report';
import lesson from './lesson';
import progress from './progress';
import report from './report';
import widget from './widget';
import preview from './preview';

export default { lesson, report, progress, widget, adminReport, preview };
