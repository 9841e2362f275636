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
});

export type Segment = [number, number];
export type ProgressInput = z.infer<typeof progressInputSchema>;
export type ProgressOutput = z.infer<typeof progressOutputSchema>;
export type CourseProgress = z.infer<typeof courseProgressSchema>;

export const DEFAULT_COMPLETION_THRESHOLD = 0.9;
