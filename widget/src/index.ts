/**
 * The public API: the element classes (registering nothing; see `define.ts`), their events and
 * the API client. For bundlers: `import { LessonWidget } from '@lessons/widget'` then
 * `customElements.define('my-lesson', LessonWidget)`, or `import '@lessons/widget/define'`.
 */
export { LessonWidget } from './components/lesson-widget/lesson-widget.component.js';
export { deepLinkTime } from './controllers/deep-link.js';
export { LessonSearch } from './components/lesson-search/lesson-search.component.js';
export { LessonElement } from './base/lesson-element.js';
export { LessonsApi, type AuthUser } from './api/client.js';
export { LessonsApiError, type RequestFailure } from './api/errors.js';
export { lessonHref, tagHref, DEFAULT_LINK_TEMPLATE } from './base/link-template.js';
export { UI_LANGUAGES, type UiLanguage } from './i18n/i18n.js';
export { EVENTS } from './constants.js';
export {
  LessonLanguageChangeEvent,
  type LessonLanguageChangeDetail,
} from './events/lesson-language-change.js';
export { LessonProgressEvent, type LessonProgressDetail } from './events/lesson-progress.js';
export {
  LessonReportSubmittedEvent,
  type LessonReportSubmittedDetail,
} from './events/lesson-report-submitted.js';
export { LessonAuthChangeEvent } from './events/lesson-auth-change.js';
export { LessonSelectEvent } from './events/lesson-select.js';
