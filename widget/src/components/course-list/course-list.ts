import { LessonCourseList } from './course-list.component.js';

export { LessonCourseList };
LessonCourseList.define('lesson-course-list');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-course-list': LessonCourseList;
  }
}
