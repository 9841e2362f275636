import adminReport from './admin-report';
import history from './history';
import analytics from './analytics';
import courseProgress from './course-progress';
import lesson from './lesson';
import progress from './progress';
import report from './report';
import widget from './widget';
import preview from './preview';
import lessonPositions from './lesson-positions';

export default {
  analytics,
  courseProgress,
  lesson,
  report,
  progress,
  widget,
  adminReport,
  history,
  preview,
  lessonPositions,
};
