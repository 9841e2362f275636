import { EVENTS } from '../constants.js';

/**
 * One of our dialogs closed; `completed` when the reader finished what it was for (logged in,
 * sent the report). Dispatched on the dialog element only: it neither bubbles nor leaves the
 * widget.
 */
export class LessonDialogCloseEvent extends Event {
  static readonly type = EVENTS.dialogClose;
  constructor(readonly detail: { completed: boolean }) {
    super(LessonDialogCloseEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [EVENTS.dialogClose]: LessonDialogCloseEvent;
  }
}
