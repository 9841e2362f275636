import type { AuthUser } from '../api/client.js';
import { EVENTS, EVENT_INIT } from '../constants.js';

/** The reader logged in, registered or logged out (`user` is null then). */
export class LessonAuthChangeEvent extends Event {
  static readonly type = EVENTS.authChange;
  constructor(readonly detail: { user: AuthUser | null }) {
    super(LessonAuthChangeEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.authChange]: LessonAuthChangeEvent;
  }
}
