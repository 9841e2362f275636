import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { preferredLanguage, type Translate, type Translator } from '../i18n/i18n.js';

/**
 * What screen readers should hear (a language switch, a login, an expired session), for the
 * widget's polite live region (`role="status"`). Messages are written in the interface language.
 */
export class Announcer implements ReactiveController {
  /** The text of the live region. */
  message = '';
  private frame = 0;
  /** A message to announce once the interface speaks `lang` (after a language switch). */
  private pending: { lang: string; message: (t: Translate) => string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly translator: () => Translator | undefined,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const translator = this.translator();
    if (this.pending && translator?.lang === this.pending.lang) {
      const { message } = this.pending;
      this.pending = null;
      this.announce(message(translator.t));
    }
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
  }

  /** Announces a message made with the interface's current strings. */
  say(message: (t: Translate) => string): void {
    const translator = this.translator();
    if (translator) this.announce(message(translator.t));
  }

  /** Announces once the interface speaks the language of `tag` (it may still be loading). */
  sayIn(tag: string, message: (t: Translate) => string): void {
    this.pending = { lang: preferredLanguage(tag).ui, message };
    this.host.requestUpdate();
  }

  private announce(message: string): void {
    // Cleared first, so the same message twice is announced twice.
    this.message = '';
    this.host.requestUpdate();
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.message = message;
      this.host.requestUpdate();
    });
  }
}
