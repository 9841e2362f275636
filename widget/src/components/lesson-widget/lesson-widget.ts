import { LessonWidget } from './lesson-widget.component.js';

export { LessonWidget };
LessonWidget.define('lesson-widget');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-widget': LessonWidget;
  }
}
