import category from './category';
import course from './course';
import errorReport from './error-report';
import lesson from './lesson';
import progress from './progress';
import reviewMark from './review-mark';
import tag from './tag';
import transcriptRevision from './transcript-revision';

export default {
  lesson,
  course,
  tag,
  category,
  'error-report': errorReport,
  progress,
  'transcript-revision': transcriptRevision,
  'review-mark': reviewMark,
};
