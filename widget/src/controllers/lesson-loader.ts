import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lesson } from '@lessons/shared/core';
import type { LessonsApi } from '../api/client.js';
import type { LessonsApiError } from '../api/errors.js';
import { preferredLanguage } from '../i18n/i18n.js';

export interface LessonLoaderHost extends ReactiveControllerHost, HTMLElement {
  /** The slug the host page asked for (the element's `lesson`). */
  readonly lesson: string;
  readonly apiClient: LessonsApi | undefined;
}

/**
 * Which lesson, in which language, the widget shows, and its loading: the one the host page sets
 * (`lesson`, `lang`) until the reader picks another language, and the host's choice again when
 * it changes either. A language the lesson lacks as such (`es-MX`) is answered by the server in
 * the closest one it has (`es`), in the same request. `shown` is called with each lesson that arrives.
 *
 * A request whose lesson or language is no longer wanted is aborted, its answer ignored (as
 * `@lit/task` would; this is the little of it the widget needs, in less code before first paint).
 */
export class LessonLoader implements ReactiveController {
  /** The lesson on show, once loaded. */
  lesson: Lesson | null = null;
  /** Why the lesson could not be loaded (not found, or a failure worth a retry). */
  error: LessonsApiError | null = null;
  /** The lesson and language chosen in the widget, until the host changes `lesson` or `lang`. */
  private chosen: { slug: string; locale: string } | null = null;
  /** The `lesson` and `lang` the host last set, to notice when it changes them. */
  private seen: { lesson: string; lang: string | null } | null = null;

  /** What the last request asked for: the API, the slug and the language. */
  private args: readonly [LessonsApi | undefined, string, string] | undefined;
  private request: AbortController | undefined;
  /** A request is under way. */
  pending = false;

  constructor(
    private readonly host: LessonLoaderHost,
    private readonly shown: (lesson: Lesson, previous: Lesson | null) => void,
  ) {
    host.addController(this);
  }

  /** Before each render (after the host's `willUpdate`): asks again when the lesson wanted changed. */
  hostUpdate(): void {
    const args = [this.host.apiClient, this.chosen?.slug ?? this.host.lesson, this.locale] as const;
    if (this.args?.every((value, i) => value === args[i])) return;
    this.args = args;
    this.load();
  }

  private load(): void {
    this.request?.abort();
    const [api, slug, locale] = this.args ?? [];
    this.pending = !!(api && slug);
    if (!api || !slug) return;
    const request = (this.request = new AbortController());
    const settle = (settled: () => void) => {
      if (request.signal.aborted) return;
      this.pending = false;
      settled();
      this.host.requestUpdate();
    };
    api.getLesson(slug, locale, request.signal).then(
      (lesson) => settle(() => this.show(lesson)),
      (error: unknown) =>
        settle(() => {
          if ((error as LessonsApiError).failure !== 'aborted' && !(error instanceof DOMException))
            this.error = error as LessonsApiError;
        }),
    );
  }

  /** The language wanted: the one chosen in the widget, else the host's `lang`, else the reader's. */
  get locale(): string {
    return this.chosen?.locale ?? preferredLanguage(this.host.getAttribute('lang')).requested;
  }

  /** The language the interface should speak: the chosen one, else the host's `lang`. */
  get uiPreference(): string | null {
    return this.chosen?.locale ?? this.host.getAttribute('lang');
  }

  /** Called before each update: the host's change of `lesson` or `lang` wins over the reader's pick. */
  followHost(): void {
    const seen = { lesson: this.host.lesson, lang: this.host.getAttribute('lang') };
    if (this.seen && (seen.lesson !== this.seen.lesson || seen.lang !== this.seen.lang)) this.chosen = null;
    this.seen = seen;
  }

  /** The reader picked another language (its slug there). */
  choose(slug: string, locale: string): void {
    this.chosen = { slug, locale };
    this.host.requestUpdate();
  }

  retry(): void {
    this.load();
    this.host.requestUpdate();
  }

  private show(lesson: Lesson): void {
    const previous = this.lesson;
    this.lesson = lesson;
    this.error = null;
    this.shown(lesson, previous);
  }
}
