import { z } from 'zod';
import {
  DEFAULT_COMPLETION_THRESHOLD,
  DEFAULT_PROGRESS_SLACK_SECONDS,
  REVISIONS_ALWAYS_KEPT,
} from '@lessons/shared';
import { MAX_PREVIEW_SECONDS } from '../utils/preview-token';

const limitSchema = z.object({
  /** Requests allowed in each window. */
  points: z.number().int().positive(),
  /** Window length in seconds. */
  duration: z.number().int().positive(),
});

/**
 * An origin as browsers send it in the Origin header (`https://example.org`, lower case, no
 * trailing slash, no default port), or null when `value` is not an http(s) origin.
 */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  return bare && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : null;
}

const allowedOriginSchema = z
  .string()
  .refine((value) => value.trim() === '*' || normalizeOrigin(value) !== null, {
    message: 'must be "*" or an origin such as https://www.example.org (scheme and host, no path)',
  });

export const pluginConfigSchema = z.object({
  /**
   * Origins whose pages may call the API (`*` for any). Requests from other origins get 403.
   * Compared normalised: `HTTPS://Example.org/` allows pages on https://example.org.
   */
  allowedOrigins: z.array(allowedOriginSchema).min(1),
  /** Share of the video (0–1) that must really be played for a lesson to count as completed. */
  completionThreshold: z.number().gt(0).max(1),
  rateLimits: z.object({
    reportsPerClient: limitSchema,
    reportsPerLesson: limitSchema,
    progressPerReader: limitSchema,
  }),
  /** Seconds of watching credited beyond what could have been played since a reader opened a lesson. */
  progressSlack: z.number().nonnegative(),
  /**
   * Redis shared by several instances of this server (`redis://host:6379`): rate limits and the
   * version of cached answers. Unset: each process keeps its own, right for one instance.
   */
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\/\S+$/i, 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379')
    .optional(),
  /** The public answers kept in memory (services/lesson-cache.ts): bounded by count and by bytes. */
  cache: z.object({
    entries: z.number().int().positive(),
    bytes: z.number().int().min(1024),
    /** Test seam: X-Lessons-Queries (SQL queries run) and X-Lessons-Cache (hit or miss, size) on public reads. */
    debugHeaders: z.boolean(),
  }),
  /** Days after a report is closed (fixed or rejected) when its reporter's e-mail address is deleted. */
  reporterEmailDays: z.number().int().positive(),
  /**
   * Transcript revisions kept per lesson and language (services/history.ts): those older than
   * `keepDays`, and those past the newest `keepRevisions`, are deleted; the newest 20 always stay.
   */
  history: z.object({
    keepDays: z.number().int().positive(),
    keepRevisions: z.number().int().min(REVISIONS_ALWAYS_KEPT, `must be at least ${REVISIONS_ALWAYS_KEPT}`),
  }),
  /** Previews of drafts (services/preview.ts): how long a preview link lasts, and where it opens. */
  preview: z.object({
    /** Seconds a preview token is valid for (at most an hour). */
    seconds: z.number().int().min(60).max(MAX_PREVIEW_SECONDS),
    /**
     * The page a preview opens, with `{token}` (and any of `{slug}`, `{locale}`, `{documentId}`),
     * e.g. https://www.example.org/lessons/{slug}?lang={locale}&preview={token}. Unset: the
     * plugin's own page, /api/lessons/:documentId/preview.
     */
    url: z
      .string()
      .regex(/^https?:\/\/[^/\s]+\S*$/i, 'must be an absolute http(s) URL')
      .refine((url) => url.includes('{token}'), { message: 'must contain {token}' })
      .optional(),
    /** A secret of its own to sign preview tokens with; unset: derived from the app's keys (APP_KEYS). */
    secret: z.string().min(16, 'must be at least 16 characters').optional(),
  }),
  /** Absolute base of media and embed URLs (e.g. https://cms.example.org); defaults to the server's URL. */
  publicUrl: z
    .string()
    .regex(/^https?:\/\/[^/\s]+\S*$/i, 'must be an absolute http(s) URL such as https://cms.example.org')
    .optional(),
});

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export const defaultConfig: PluginConfig = {
  allowedOrigins: ['*'],
  completionThreshold: DEFAULT_COMPLETION_THRESHOLD,
  rateLimits: {
    reportsPerClient: { points: 5, duration: 60 },
    reportsPerLesson: { points: 60, duration: 60 },
    // The widget sends every ~15 s of playback and on each pause: a reader stays far below this.
    progressPerReader: { points: 60, duration: 60 },
  },
  progressSlack: DEFAULT_PROGRESS_SLACK_SECONDS,
  // A lesson answer is 10–100 KB, a 1,000-paragraph lecture about 300 KB: room for every language
  // of a few hundred lessons, and for their lists and embed fragments.
  cache: { entries: 2000, bytes: 64 * 1024 * 1024, debugHeaders: false },
  reporterEmailDays: 30,
  history: { keepDays: 365, keepRevisions: 200 },
  preview: { seconds: 1800 },
};

export default {
  default: defaultConfig,
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      const values = config as Record<string, unknown>;
      const lines = result.error.issues.map((issue) => {
        const value = issue.path.reduce<unknown>(
          (at, key) => (at as Record<PropertyKey, unknown> | undefined)?.[key],
          values,
        );
        return `  - ${issue.path.join('.') || '(config)'}${typeof value === 'string' ? ` "${value}"` : ''} ${issue.message}`;
      });
      throw new Error(
        ['The lessons plugin config is not valid (config/plugins.js, LESSONS_* variables):', ...lines].join(
          '\n',
        ),
      );
    }
  },
};
