import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadTranslator, preferredLanguage, type Translator, type UiLanguage } from '../i18n/i18n.js';

/**
 * Keeps an element's interface strings in the reader's language: the element's preference (its
 * `lang`), else the page's `<html lang>` (watched, for sites that switch it without a reload),
 * else the browser's. Loads the language's chunk and asks the host to render when it arrives.
 * When that chunk fails to load, the strings stay as they were (English if there were none yet)
 * and `failed` gets a way to try again.
 */
export class I18nController implements ReactiveController {
  translator: Translator | undefined;
  /** The language tag asked for, before falling back to one the widget speaks. */
  requested = '';
  private observer: MutationObserver | undefined;
  private loading: UiLanguage | undefined;
  /** A language whose chunk failed: not asked for again until the retry. */
  private failedLanguage: UiLanguage | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly preference: () => string | null | undefined,
    private readonly failed?: (retry: () => void, error: unknown) => void,
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
    if (this.translator?.lang === ui || this.loading === ui || this.failedLanguage === ui) return;
    this.load(ui, false);
  }

  /** `fallback`: English, taken only while there are no strings at all. */
  private load(lang: UiLanguage, fallback: boolean): void {
    this.loading = lang;
    loadTranslator(lang).then(
      (translator) => {
        if (this.loading === lang) this.loading = undefined;
        const wanted = fallback
          ? !this.translator
          : preferredLanguage(this.preference()).ui === translator.lang;
        if (!wanted) return;
        this.translator = translator;
        this.host.requestUpdate();
      },
      (error: unknown) => {
        if (this.loading === lang) this.loading = undefined;
        if (fallback) return;
        this.failedLanguage = lang;
        this.failed?.(() => {
          this.failedLanguage = undefined;
          this.host.requestUpdate();
        }, error);
        if (!this.translator && lang !== 'en') this.load('en', true);
      },
    );
  }
}
