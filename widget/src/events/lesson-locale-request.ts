import { EVENTS, EVENT_INIT } from '../constants.js';

/** The language picker asks the owner to show the lesson in another language. */
export class LessonLocaleRequestEvent extends Event {
  static readonly type = EVENTS.localeRequest;
  constructor(readonly detail: { locale: string; slug: string }) {
    super(LessonLocaleRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.localeRequest]: LessonLocaleRequestEvent;
  }
}
