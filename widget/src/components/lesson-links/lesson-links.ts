import { LessonLinks } from './lesson-links.component.js';

export { LessonLinks };
LessonLinks.define('lesson-links');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-links': LessonLinks;
  }
}
