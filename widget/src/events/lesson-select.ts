import type { LessonSummary } from '@lessons/shared/core';
import { EVENTS, EVENT_INIT } from '../constants.js';

/**
 * A search result was chosen. Cancelable: a single-page app calls `preventDefault()` and routes
 * to `detail.href` itself instead of the browser following the link.
 */
export class LessonSelectEvent extends Event {
  static readonly type = EVENTS.select;
  constructor(readonly detail: { lesson: LessonSummary; href: string }) {
    super(LessonSelectEvent.type, { ...EVENT_INIT, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.select]: LessonSelectEvent;
  }
}
