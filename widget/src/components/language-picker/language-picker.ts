import { LessonLanguagePicker } from './language-picker.component.js';

export { LessonLanguagePicker };
LessonLanguagePicker.define('lesson-language-picker');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-language-picker': LessonLanguagePicker;
  }
}
