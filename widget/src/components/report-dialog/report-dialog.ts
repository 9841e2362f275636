import { LessonReportDialog } from './report-dialog.component.js';

export { LessonReportDialog };
LessonReportDialog.define('lesson-report-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-report-dialog': LessonReportDialog;
  }
}
