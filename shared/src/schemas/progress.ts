import { z } from 'zod';
import { MAX_POSITION_SECONDS, MAX_SEGMENTS_PER_UPDATE } from '../core/progress.js';
import { secondsSchema } from './transcript.js';

export const segmentSchema = z
  .tuple([secondsSchema, secondsSchema])
  .refine(([a, b]) => b >= a, { message: 'A segment must end after it starts.' });

export const progressInputSchema = z
  .object({
    segments: z.array(segmentSchema).max(MAX_SEGMENTS_PER_UPDATE, 'Send at most 1,000 segments at a time.'),
    position: secondsSchema.max(MAX_POSITION_SECONDS),
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

/** One lesson of a course, with the reader's progress in it (`GET /api/lessons/:slug/course-progress`). */
export const courseLessonProgressSchema = z.object({
  slug: z.string(),
  title: z.string(),
  /** 1-based place in the course. */
  position: z.number().int().positive(),
  percent: z.number().min(0).max(100),
  completed: z.boolean(),
});

/** The reader's progress through the course of a lesson: the totals and each lesson's percent. */
export const courseProgressListSchema = courseProgressSchema.extend({
  slug: z.string(),
  title: z.string(),
  lessons: z.array(courseLessonProgressSchema),
});

export const courseProgressResponseSchema = z.object({ data: courseProgressListSchema });
