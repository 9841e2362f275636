import { z } from 'zod';
import { LOCALE_MESSAGE, LOCALE_PATTERN, SLUG_MAX, SLUG_PATTERN } from '../core/lesson.js';
import { VIDEO_TYPES } from '../core/video.js';
import { transcriptSchema } from './transcript.js';

export const localeSchema = z.string({ error: LOCALE_MESSAGE }).regex(LOCALE_PATTERN, LOCALE_MESSAGE);

/**
 * A whole number in a query string. Only text of digits is taken: `z.coerce.number()` would also
 * read `?page[]=1` (a list) as 1 and `?page=` as 0.
 */
export const queryIntegerSchema = (name: string, max: number) =>
  z
    .string({ error: `The ${name} is one whole number, such as 2.` })
    .regex(/^\d{1,9}$/, `The ${name} is one whole number, such as 2.`)
    .transform(Number)
    .pipe(z.number().int().positive(`The ${name} starts at 1.`).max(max, `The ${name} is at most ${max}.`));

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'A slug is lowercase letters and digits joined by hyphens.')
  .max(SLUG_MAX);

export const videoSourceSchema = z.object({
  src: z.string().min(1),
  type: z.enum(VIDEO_TYPES),
});

export const videoSchema = z.object({
  sources: z.array(videoSourceSchema).min(1),
  poster: z.string().nullable(),
  duration: z.number().positive().optional(),
});

export const tagSchema = z.object({ slug: slugSchema, name: z.string() });
export const categorySchema = z.object({ slug: slugSchema, name: z.string() });

export const lessonLinkSchema = z.object({
  slug: slugSchema,
  title: z.string(),
  publishedAt: z.string(),
});

export const courseRefSchema = z.object({
  slug: slugSchema,
  title: z.string(),
  /** 1-based position of this lesson in the course. */
  position: z.number().int().positive(),
  total: z.number().int().positive(),
  previous: lessonLinkSchema.nullable(),
  next: lessonLinkSchema.nullable(),
});

export const lessonLocaleSchema = z.object({ locale: localeSchema, slug: slugSchema, title: z.string() });

/** The public shape of one lesson in one language, as `GET /api/lessons/:slug` returns it. */
export const lessonSchema = z.object({
  id: z.string(),
  slug: slugSchema,
  locale: localeSchema,
  title: z.string(),
  summary: z.string(),
  video: videoSchema.nullable(),
  transcript: transcriptSchema,
  tags: z.array(tagSchema),
  category: categorySchema.nullable(),
  course: courseRefSchema.nullable(),
  locales: z.array(lessonLocaleSchema),
  related: z.array(lessonLinkSchema),
  publishedAt: z.string(),
  updatedAt: z.string(),
});

export const lessonSummarySchema = z.object({
  id: z.string(),
  slug: slugSchema,
  locale: localeSchema,
  title: z.string(),
  summary: z.string(),
  poster: z.string().nullable(),
  duration: z.number().positive().nullable(),
  tags: z.array(tagSchema),
  category: categorySchema.nullable(),
  publishedAt: z.string(),
});

export const paginationSchema = z.object({
  page: z.number().int().positive(),
  pageSize: z.number().int().positive(),
  pageCount: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});

export const lessonListSchema = z.object({
  data: z.array(lessonSummarySchema),
  meta: z.object({ pagination: paginationSchema }),
});

export const lessonListQuerySchema = z
  .object({
    locale: localeSchema.optional(),
    search: z.string().trim().max(200).optional(),
    tag: slugSchema.optional(),
    category: slugSchema.optional(),
    page: queryIntegerSchema('page', 10_000).default(1),
    pageSize: queryIntegerSchema('pageSize', 50).default(10),
  })
  .strict();
