import { LessonPlayer } from './player.component.js';

export { LessonPlayer };
LessonPlayer.define('lesson-player');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-player': LessonPlayer;
  }
}
