import { EVENTS, EVENT_INIT } from '../constants.js';

/** A part asks the owner to tell screen readers `message` (already in the interface language). */
export class LessonAnnounceRequestEvent extends Event {
  static readonly type = EVENTS.announceRequest;
  constructor(readonly detail: { message: string }) {
    super(LessonAnnounceRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.announceRequest]: LessonAnnounceRequestEvent;
  }
}
