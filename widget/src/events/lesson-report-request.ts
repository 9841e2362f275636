import type { Quote, QuotePosition } from '@lessons/shared/core';
import { EVENTS, EVENT_INIT } from '../constants.js';

export interface ReportSelection {
  quote: Quote;
  position: QuotePosition;
}

/** A part asks the owner to open the error report form, with the reader's selection if any. */
export class LessonReportRequestEvent extends Event {
  static readonly type = EVENTS.reportRequest;
  constructor(readonly detail: { selection: ReportSelection | null }) {
    super(LessonReportRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.reportRequest]: LessonReportRequestEvent;
  }
}
