import { z } from 'zod';
import { DEFAULT_COMPLETION_THRESHOLD, DEFAULT_PROGRESS_SLACK_SECONDS } from '@lessons/shared';

const limitSchema = z.object({
  /** Requests allowed in each window. */
  points: z.number().int().positive(),
  /** Window length in seconds. */
  duration: z.number().int().positive(),
});

export const pluginConfigSchema = z.object({
  /** Origins whose pages may call the API (`*` for any). Requests from other origins get 403. */
  allowedOrigins: z.array(z.string().min(1)).min(1),
  /** Share of the video (0–1) that must really be played for a lesson to count as completed. */
  completionThreshold: z.number().gt(0).max(1),
  rateLimits: z.object({ reportsPerClient: limitSchema, reportsPerLesson: limitSchema, progressPerReader: limitSchema }),
  /** Seconds of watching credited beyond what could have been played since a reader opened a lesson. */
  progressSlack: z.number().nonnegative(),
  /** Absolute base for media URLs in API answers; defaults to the server's URL or the request's origin. */
  publicUrl: z.string().optional(),
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
};

export default {
  default: defaultConfig,
  validator(config: unknown) {
    const result = pluginConfigSchema.safeParse(config);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new Error(`lessons plugin config: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'is invalid'}`);
    }
  },
};
