import type { z } from 'zod';
import type {
  authResponseSchema,
  lessonResponseSchema,
  progressResponseSchema,
  reportCreatedResponseSchema,
} from '../schemas/responses.js';

export type LessonResponse = z.infer<typeof lessonResponseSchema>;
export type ProgressResponse = z.infer<typeof progressResponseSchema>;
export type ReportCreatedResponse = z.infer<typeof reportCreatedResponseSchema>;
export type AuthResponse = z.infer<typeof authResponseSchema>;
