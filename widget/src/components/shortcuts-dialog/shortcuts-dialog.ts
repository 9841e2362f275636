import { LessonShortcutsDialog } from './shortcuts-dialog.component.js';

export { LessonShortcutsDialog };
LessonShortcutsDialog.define('lesson-shortcuts-dialog');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-shortcuts-dialog': LessonShortcutsDialog;
  }
}
