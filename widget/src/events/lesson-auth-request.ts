import { EVENTS, EVENT_INIT } from '../constants.js';

export type AuthAction = 'login' | 'register' | 'logout';

/** A part asks the owner to open the login or register dialog, or to log out. */
export class LessonAuthRequestEvent extends Event {
  static readonly type = EVENTS.authRequest;
  constructor(readonly detail: { action: AuthAction }) {
    super(LessonAuthRequestEvent.type, EVENT_INIT);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.authRequest]: LessonAuthRequestEvent;
  }
}
