/**
 * Registers <lesson-widget> and <lesson-search> (skipping a tag already registered, so the
 * script may be included twice). The bundle's entry, loaded by `widget.js`.
 */
import { LessonSearch } from './components/lesson-search/lesson-search.component.js';
import { LessonWidget } from './components/lesson-widget/lesson-widget.component.js';

LessonWidget.define('lesson-widget');
LessonSearch.define('lesson-search');

export { LessonSearch, LessonWidget };

declare global {
  interface HTMLElementTagNameMap {
    'lesson-widget': LessonWidget;
    'lesson-search': LessonSearch;
  }
}
