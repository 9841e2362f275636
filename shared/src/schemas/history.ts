import { z } from 'zod';
import { REVISION_KINDS } from '../core/history.js';
import { localeSchema, paginationSchema, queryIntegerSchema } from './lesson.js';
import { paragraphIdSchema, transcriptSchema } from './transcript.js';

/** A lesson in one language, as the history and review routes take it (`?lesson=…&locale=…`). */
const lessonLanguageFields = {
  lesson: z.string({ error: 'Say which lesson (its document id).' }).min(1).max(64),
  locale: localeSchema,
};

/** One kept version of a transcript, without the transcript itself (`/lessons/revisions`). */
export const revisionRowSchema = z.object({
  id: z.string(),
  kind: z.enum(REVISION_KINDS),
  createdAt: z.string(),
  /** The editor who made the change; null for changes made by the server itself (the demo seed). */
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
  /** The error report whose suggestion made this change. */
  report: z.object({ id: z.string() }).nullable(),
  /** The revision a revert brought back. */
  revertedTo: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
  /** Paragraphs whose words changed from the revision before (all of them for the first). */
  changedParagraphs: z.number().int().nonnegative(),
});

export const revisionListQuerySchema = z
  .object({
    ...lessonLanguageFields,
    page: queryIntegerSchema('page', 10_000).default(1),
    pageSize: queryIntegerSchema('pageSize', 100).default(20),
  })
  .strict();

export const revisionListResponseSchema = z.object({
  data: z.array(revisionRowSchema),
  meta: z.object({ pagination: paginationSchema }),
});

/** A revision with its whole transcript, and the one before it to compare with. */
export const revisionDetailResponseSchema = z.object({
  data: revisionRowSchema.extend({
    transcript: transcriptSchema,
    previous: revisionRowSchema.extend({ transcript: transcriptSchema }).nullable(),
  }),
});

export const revertResponseSchema = z.object({
  data: z.object({
    /** The new revision the revert made. */
    revision: revisionRowSchema,
    /** Whether the lesson was republished with the reverted text. */
    published: z.boolean(),
  }),
});

/** A paragraph whose translation may be out of date: its source language changed there. */
export const reviewMarkSchema = z.object({
  paragraphId: paragraphIdSchema,
  sourceLocale: z.string(),
  sourceParagraphIds: z.array(z.string()),
  /** What the changed language says over the same time now ('' when those words were removed). */
  sourceText: z.string(),
  markedAt: z.string(),
});

export const reviewMarkQuerySchema = z.object(lessonLanguageFields).strict();

export const reviewMarkListResponseSchema = z.object({ data: z.array(reviewMarkSchema) });

/** "Still correct": the editor has checked the paragraph; its marks go. */
export const reviewClearInputSchema = z
  .object({ ...lessonLanguageFields, paragraphId: paragraphIdSchema })
  .strict();

export const reviewClearResponseSchema = z.object({ data: z.object({ cleared: z.number().int() }) });

/** Paragraphs to review, per lesson and language (`/lessons/review-marks/counts`). */
export const reviewCountSchema = z.object({
  documentId: z.string(),
  locale: z.string(),
  title: z.string().nullable(),
  count: z.number().int().positive(),
});

export const reviewCountsResponseSchema = z.object({
  data: z.array(reviewCountSchema),
  meta: z.object({ total: z.number().int().nonnegative() }),
});
