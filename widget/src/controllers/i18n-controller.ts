import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadTranslator, preferredLanguage, type Translator } from '../i18n/i18n.js';

/**
 * Keeps an element's interface strings in the reader's language: the element's preference (its
 * `lang`), else the page's `<html lang>` (watched, for sites that switch it without a reload),
 * else the browser's. Loads the language's chunk and asks the host to render when it arrives.
 */
export class I18nController implements ReactiveController {
  translator: Translator | undefined;
  /** The language tag asked for, before falling back to one the widget speaks. */
  requested = '';
  private observer: MutationObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly preference: () => string | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    const { requested, ui } = preferredLanguage(this.preference());
    this.requested = requested;
    if (this.translator?.lang === ui) return;
    void loadTranslator(ui).then((translator) => {
      if (preferredLanguage(this.preference()).ui !== translator.lang) return;
      this.translator = translator;
      this.host.requestUpdate();
    });
  }
}
