import { z } from 'zod';
import { localeSchema, paginationSchema, queryIntegerSchema } from './lesson.js';
import { REPORT_STATES } from '../core/report.js';
import { VIDEO_TYPES } from '../core/video.js';
import { quotePositionSchema, quoteSchema, reportStateSchema } from './report.js';

/** An error report as editors see it in the admin (`/lessons/reports…` admin routes). */
export const reportRowSchema = z.object({
  id: z.string(),
  state: reportStateSchema,
  lesson: z.object({
    documentId: z.string(),
    locale: z.string(),
    title: z.string().nullable(),
    slug: z.string().nullable(),
  }),
  quote: quoteSchema.nullable(),
  position: quotePositionSchema.nullable(),
  time: z.number().nullable(),
  where: z.string(),
  what: z.string(),
  suggestion: z.string().nullable(),
  reporterEmail: z.string().nullable(),
  reporterUser: z.object({ id: z.number(), username: z.string() }).nullable(),
  quoteFound: z.boolean(),
  resolutionNote: z.string().nullable(),
  resolvedBy: z.object({ id: z.number(), name: z.string() }).nullable(),
  resolvedAt: z.string().nullable(),
  /** When the reporter was last told by e-mail that the report was closed. */
  notifiedAt: z.string().nullable(),
  /** Why that e-mail could not be sent (the last attempt), or null. */
  notifyError: z.string().nullable(),
  createdAt: z.string(),
});

export const reportCountsSchema = z.object(
  Object.fromEntries(REPORT_STATES.map((s) => [s, z.number().int().nonnegative()])) as Record<
    (typeof REPORT_STATES)[number],
    z.ZodNumber
  >,
);

export const reportListQuerySchema = z
  .object({
    state: reportStateSchema.optional(),
    lesson: z.string().max(64).optional(),
    locale: z.string().max(16).optional(),
    page: queryIntegerSchema('page', 10_000).default(1),
    pageSize: queryIntegerSchema('pageSize', 100).default(20),
  })
  .strict();

/** The report filters' lesson picker (`/lessons/lesson-options`). */
export const lessonOptionsQuerySchema = z.object({ locale: localeSchema.optional() }).strict();

export const reportListResponseSchema = z.object({
  data: z.array(reportRowSchema),
  meta: z.object({ pagination: paginationSchema, counts: reportCountsSchema }),
});

/** Where the quote stands now in the lesson's current transcript. */
export const reportContextSchema = z.object({
  paragraphId: z.string(),
  heading: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  exact: z.boolean(),
  time: z.number().nullable(),
});

export const reportDetailResponseSchema = z.object({
  data: reportRowSchema.extend({
    context: reportContextSchema.nullable(),
    video: z.object({ src: z.string(), type: z.enum(VIDEO_TYPES) }).nullable(),
    /** Whether the server can send e-mail: if not, closing a report tells nobody. */
    mailEnabled: z.boolean(),
  }),
});

export const applySuggestionInputSchema = z
  .object({
    replacement: z.string().max(4000).optional(),
    note: z.string().max(4000).optional(),
    /** The report becomes fixed: put the note in the message to the reporter too. */
    includeNote: z.boolean().optional(),
  })
  .strict();

export const lessonOptionSchema = z.object({ documentId: z.string(), locale: z.string(), title: z.string() });
export const lessonOptionsResponseSchema = z.object({ data: z.array(lessonOptionSchema) });
