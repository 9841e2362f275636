import { z } from 'zod';
import { secondsSchema } from './transcript.js';

export const segmentSchema = z
  .tuple([secondsSchema, secondsSchema])
  .refine(([a, b]) => b >= a, { message: 'A segment must end after it starts.' });

export const progressInputSchema = z
  .object({
    segments: z.array(segmentSchema).max(1000, 'Send at most 1,000 segments at a time.'),
    position: secondsSchema.max(86_400),
  })
  .strict();

export const courseProgressSchema = z.object({
  completed: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  percent: z.number().min(0).max(100),
});

export const progressOutputSchema = z.object({
  percent: z.number().min(0).max(100),
  completed: z.boolean(),
  position: secondsSchema,
  segments: z.array(z.tuple([secondsSchema, secondsSchema])),
  course: courseProgressSchema.optional(),
  /**
   * On a PUT: how many new seconds of watching were counted, and how many were refused because
   * more was sent than could have been played since the reader opened the lesson.
   */
  credit: z.object({ seconds: secondsSchema, refused: secondsSchema }).optional(),
});

export type Segment = [number, number];
export type ProgressInput = z.infer<typeof progressInputSchema>;
export type ProgressOutput = z.infer<typeof progressOutputSchema>;
export type CourseProgress = z.infer<typeof courseProgressSchema>;

export const DEFAULT_COMPLETION_THRESHOLD = 0.9;

/**
 * The fastest playback rate the player offers. Nobody can have watched more than this many
 * seconds of video per second since they first asked for a lesson's progress.
 */
export const FASTEST_PLAYBACK_RATE = 2;

/** Seconds credited on top of that bound: clock differences, a request that took its time. */
export const DEFAULT_PROGRESS_SLACK_SECONDS = 30;
