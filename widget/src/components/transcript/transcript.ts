import { LessonTranscript } from './transcript.component.js';

export { LessonTranscript };
LessonTranscript.define('lesson-transcript');

declare global {
  interface HTMLElementTagNameMap {
    'lesson-transcript': LessonTranscript;
  }
}
