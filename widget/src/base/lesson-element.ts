import { LitElement } from 'lit';

/**
 * The base of every element here: `define()` that tolerates a tag already being registered (two
 * widgets, or two copies of the script, on one page), registration of the parts an element
 * renders when it is first created (so importing a class registers nothing), and a typed `emit()`.
 */
export class LessonElement extends LitElement {
  /** Tags this element renders in its shadow root, registered when it is first constructed. */
  static dependencies: Record<string, CustomElementConstructor> = {};

  static define(name: string, constructor: CustomElementConstructor = this): void {
    if (!customElements.get(name)) customElements.define(name, constructor);
  }

  constructor() {
    super();
    const { dependencies } = this.constructor as typeof LessonElement;
    for (const [name, constructor] of Object.entries(dependencies)) LessonElement.define(name, constructor);
  }

  /** Dispatches an event (our event classes bubble and cross shadow roots) and returns it. */
  emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
