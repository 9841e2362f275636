import type { ErrorReportCreated } from '@lessons/shared/core';
import { EVENTS, EVENT_INIT } from '../constants.js';

export interface LessonReportSubmittedDetail extends ErrorReportCreated {
  slug: string;
  locale: string;
}

/** An error report was accepted by the server. */
export class LessonReportSubmittedEvent extends Event {
  static readonly type = EVENTS.reportSubmitted;
  constructor(readonly detail: LessonReportSubmittedDetail) {
    super(LessonReportSubmittedEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.reportSubmitted]: LessonReportSubmittedEvent;
  }
}
