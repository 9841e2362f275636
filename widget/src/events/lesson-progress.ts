import type { ProgressOutput } from '@lessons/shared';
import { EVENTS, EVENT_INIT } from '../constants.js';

export interface LessonProgressDetail extends ProgressOutput {
  slug: string;
  locale: string;
}

/** The server recorded the reader's progress; `detail` is its answer (lesson and course). */
export class LessonProgressEvent extends Event {
  static readonly type = EVENTS.progress;
  constructor(readonly detail: LessonProgressDetail) {
    super(LessonProgressEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.progress]: LessonProgressEvent;
  }
}
