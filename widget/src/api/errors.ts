import type { ApiError, FieldError } from '@lessons/shared/core';

/** What went wrong with a request, in terms the interface can explain to a reader. */
export type RequestFailure =
  /** No answer: offline, DNS, CORS or the request was cut. Worth retrying. */
  | 'network'
  /** The server answered 5xx. Worth retrying later. */
  | 'server'
  /** 401/403: the token is missing, expired or wrong. */
  | 'unauthorized'
  | 'not-found'
  /** 400 with per-field errors or a message. */
  | 'invalid'
  /** 429: wait `retryAfter` seconds. */
  | 'rate-limited'
  | 'aborted';

export class LessonsApiError extends Error {
  override name = 'LessonsApiError';

  constructor(
    readonly failure: RequestFailure,
    message: string,
    readonly status = 0,
    /** Per-field problems of a 400, as the API lists them. */
    readonly fieldErrors: FieldError[] = [],
    /** Seconds to wait after a 429. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** True when sending the same request again later may succeed. */
  get retriable(): boolean {
    return this.failure === 'network' || this.failure === 'server' || this.failure === 'rate-limited';
  }
}

function failureOf(status: number): RequestFailure {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not-found';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'invalid';
}

/** Seconds from a `Retry-After` header, which is either seconds or an HTTP date. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds the error for a non-2xx answer from Strapi's `{ error: {…} }` envelope, when there is one. */
export async function errorFromResponse(response: Response): Promise<LessonsApiError> {
  let body: Partial<ApiError> | undefined;
  try {
    body = (await response.json()) as Partial<ApiError>;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  return new LessonsApiError(
    failureOf(response.status),
    error?.message ?? `${response.status} ${response.statusText}`,
    response.status,
    error?.details?.errors ?? [],
    parseRetryAfter(response.headers.get('Retry-After')),
  );
}
