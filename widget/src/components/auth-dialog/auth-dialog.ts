import { LessonAuthDialog } from './auth-dialog.component.js';

export { LessonAuthDialog };
LessonAuthDialog.define('lesson-auth-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-auth-dialog': LessonAuthDialog;
  }
}
