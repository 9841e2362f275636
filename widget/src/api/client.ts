import type {
  AuthResponse,
  CourseProgressList,
  ErrorReportCreated,
  ErrorReportInputRaw,
  Lesson,
  LessonList,
  LessonListQuery,
  ProgressInput,
  ProgressOutput,
  TranscriptFormat,
} from '@lessons/shared/core';
import { LessonsApiError, errorFromResponse } from './errors.js';

export type AuthUser = AuthResponse['user'];

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  token?: string | null;
  signal?: AbortSignal;
  /** Lets the request outlive the page, for progress sent while it is being hidden. */
  keepalive?: boolean;
}

/**
 * The lessons plugin's HTTP API, typed by the shared contracts. Answers are trusted to match
 * them (the server validates what it sends); zod stays out of the browser bundle.
 */
export class LessonsApi {
  private static readonly clients = new Map<string, LessonsApi>();

  /**
   * One client per API URL (and preview token), shared by every element that uses it (it holds no
   * state of its own).
   */
  static for(base: string, previewToken = ''): LessonsApi {
    const key = `${base} ${previewToken}`;
    let client = LessonsApi.clients.get(key);
    if (!client) LessonsApi.clients.set(key, (client = new LessonsApi(base, previewToken)));
    return client;
  }

  /** The API's origin and path, without a trailing slash. */
  readonly base: string;

  /**
   * @param previewToken A preview token from the CMS (`preview-token`): the lesson and its
   *   transcript files are then its draft, for that lesson and language only.
   */
  constructor(
    base: string,
    readonly previewToken = '',
  ) {
    this.base = new URL(base || '/', document.baseURI).href.replace(/\/+$/, '');
  }

  /** The origin that stored tokens are keyed by. */
  get origin(): string {
    return new URL(this.base).origin;
  }

  private url(path: string, query: Record<string, string | number | undefined> = {}): string {
    const url = new URL(`${this.base}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') url.searchParams.set(key, String(value));
    }
    return url.href;
  }

  private async request<T>(url: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        keepalive: options.keepalive,
        mode: 'cors',
        credentials: 'omit',
      });
    } catch (cause) {
      if (options.signal?.aborted) throw new LessonsApiError('aborted', 'The request was cancelled.');
      throw new LessonsApiError(
        'network',
        cause instanceof Error ? cause.message : 'The network request failed.',
      );
    }
    if (!response.ok) throw await errorFromResponse(response);
    return (await response.json()) as T;
  }

  async getLesson(slug: string, locale: string | undefined, signal?: AbortSignal): Promise<Lesson> {
    const path = `/api/lessons/${encodeURIComponent(slug)}`;
    const preview = this.previewToken || undefined;
    return (await this.request<{ data: Lesson }>(this.url(path, { locale, preview }), { signal })).data;
  }

  listLessons(query: Partial<LessonListQuery>, signal?: AbortSignal): Promise<LessonList> {
    return this.request<LessonList>(this.url('/api/lessons', { ...query }), { signal });
  }

  /** A download link; the `vtt` one is also the captions track. */
  transcriptUrl(slug: string, locale: string, format: TranscriptFormat): string {
    const preview = this.previewToken || undefined;
    return this.url(`/api/lessons/${encodeURIComponent(slug)}/transcript`, { locale, format, preview });
  }

  async sendReport(
    slug: string,
    report: ErrorReportInputRaw,
    signal?: AbortSignal,
  ): Promise<ErrorReportCreated> {
    const url = this.url(`/api/lessons/${encodeURIComponent(slug)}/reports`);
    return (await this.request<{ data: ErrorReportCreated }>(url, { method: 'POST', body: report, signal }))
      .data;
  }

  async getProgress(
    slug: string,
    locale: string,
    token: string,
    signal?: AbortSignal,
  ): Promise<ProgressOutput> {
    const url = this.url(`/api/lessons/${encodeURIComponent(slug)}/progress`, { locale });
    return (await this.request<{ data: ProgressOutput }>(url, { token, signal })).data;
  }

  async putProgress(
    slug: string,
    locale: string,
    token: string,
    progress: ProgressInput,
    options: { keepalive?: boolean; signal?: AbortSignal } = {},
  ): Promise<ProgressOutput> {
    const url = this.url(`/api/lessons/${encodeURIComponent(slug)}/progress`, { locale });
    return (
      await this.request<{ data: ProgressOutput }>(url, { method: 'PUT', body: progress, token, ...options })
    ).data;
  }

  /** The reader's percent in each lesson of this lesson's course (a 404 when it has no course). */
  async getCourseProgress(
    slug: string,
    locale: string,
    token: string,
    signal?: AbortSignal,
  ): Promise<CourseProgressList> {
    const url = this.url(`/api/lessons/${encodeURIComponent(slug)}/course-progress`, { locale });
    return (await this.request<{ data: CourseProgressList }>(url, { token, signal })).data;
  }

  login(identifier: string, password: string): Promise<AuthResponse> {
    return this.request<AuthResponse>(this.url('/api/auth/local'), {
      method: 'POST',
      body: { identifier, password },
    });
  }

  register(username: string, email: string, password: string): Promise<AuthResponse> {
    const url = this.url('/api/auth/local/register');
    return this.request<AuthResponse>(url, { method: 'POST', body: { username, email, password } });
  }

  me(token: string, signal?: AbortSignal): Promise<AuthUser> {
    return this.request<AuthUser>(this.url('/api/users/me'), { token, signal });
  }
}
