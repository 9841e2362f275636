import { LessonAccount } from './account.component.js';

export { LessonAccount };
LessonAccount.define('lesson-account');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-account': LessonAccount;
  }
}
