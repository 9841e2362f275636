import { LessonSearch } from './lesson-search.component.js';

export { LessonSearch };
LessonSearch.define('lesson-search');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-search': LessonSearch;
  }
}
