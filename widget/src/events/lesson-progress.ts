import type { ProgressOutput } from '@lessons/shared/core';
import { EVENTS, EVENT_INIT } from '../constants.js';

export interface LessonProgressDetail extends ProgressOutput {
  slug: string;
  locale: string;
}

/** The server answered about the reader's progress (when it is first loaded, and after each recorded send); `detail` is its answer, lesson and course. */
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
