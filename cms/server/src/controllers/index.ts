import adminReport from './admin-report';
import history from './history';
import analytics from './analytics';
import courseProgress from './course-progress';
import lesson from './lesson';
import preview from './preview';
import lessonPositions from './lesson-positions';
import progress from './progress';
import report from './report';
import widget from './widget';

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
