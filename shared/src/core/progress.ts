import type { z } from 'zod';
import type {
  courseLessonProgressSchema,
  courseProgressListSchema,
  courseProgressSchema,
  progressInputSchema,
  progressOutputSchema,
} from '../schemas/progress.js';

export type Segment = [number, number];
export type ProgressInput = z.infer<typeof progressInputSchema>;
export type ProgressOutput = z.infer<typeof progressOutputSchema>;
export type CourseProgress = z.infer<typeof courseProgressSchema>;
export type CourseLessonProgress = z.infer<typeof courseLessonProgressSchema>;
export type CourseProgressList = z.infer<typeof courseProgressListSchema>;

export const DEFAULT_COMPLETION_THRESHOLD = 0.9;

/**
 * The fastest playback rate the player offers. Nobody can have watched more than this many
 * seconds of video per second since they first asked for a lesson's progress.
 */
export const FASTEST_PLAYBACK_RATE = 2;

/** Seconds credited on top of that bound: clock differences, a request that took its time. */
export const DEFAULT_PROGRESS_SLACK_SECONDS = 30;

/** The most segments one progress update may carry. */
export const MAX_SEGMENTS_PER_UPDATE = 1000;

/** The latest playback position accepted, in seconds: a day. */
export const MAX_POSITION_SECONDS = 86_400;
