import { EVENTS, EVENT_INIT } from '../constants.js';

/**
 * A part could not load one of its chunks (say, the transcript's follow-along): it asks the owner
 * to tell the reader, whose "Try again" calls `retry`.
 */
export class LessonLoadFailureEvent extends Event {
  static readonly type = EVENTS.loadFailure;
  constructor(readonly detail: { part: string; retry: () => void; error: unknown }) {
    super(LessonLoadFailureEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.loadFailure]: LessonLoadFailureEvent;
  }
}
