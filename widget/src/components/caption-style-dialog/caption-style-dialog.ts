import { LessonCaptionStyleDialog } from './caption-style-dialog.component.js';

export { LessonCaptionStyleDialog };
LessonCaptionStyleDialog.define('lesson-caption-style-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-caption-style-dialog': LessonCaptionStyleDialog;
  }
}
