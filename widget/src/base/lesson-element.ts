import { LitElement } from 'lit';

/**
 * The base of every element here: `define()` that tolerates a tag already being registered (two
 * widgets, or two copies of the script, on one page), registration of the parts an element
 * renders when it is first created (so importing a class registers nothing), and a typed `emit()`.
 */
export class LessonElement extends LitElement {
  /** Tags this element renders in its shadow root, registered when it is first constructed. */
  static dependencies: Record<string, CustomElementConstructor> = {};

  /**
   * The element's first render waits for a task of its own: a lesson's first render is then
   * several short tasks instead of one long one (Total Blocking Time). Set on the part that draws
   * the most (the transcript) and the one below it (links): the parts are drawn top to bottom, and
   * the widget's grid keeps each row at its content's height, so an empty part below moves nothing
   * already shown (no layout shift).
   */
  static renderFirstInOwnTask = false;

  static define(name: string, constructor: CustomElementConstructor = this): void {
    if (!customElements.get(name)) customElements.define(name, constructor);
  }

  constructor() {
    super();
    const { dependencies } = this.constructor as typeof LessonElement;
    for (const [name, constructor] of Object.entries(dependencies)) LessonElement.define(name, constructor);
  }

  protected override async scheduleUpdate(): Promise<unknown> {
    if (!this.hasUpdated && (this.constructor as typeof LessonElement).renderFirstInOwnTask)
      await new Promise((next) => setTimeout(next));
    return super.scheduleUpdate();
  }

  /** Dispatches an event (our event classes bubble and cross shadow roots) and returns it. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
