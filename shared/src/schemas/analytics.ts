import { z } from 'zod';
import { localeSchema } from './lesson.js';
import { secondsSchema } from './transcript.js';

/** A Strapi document id, as the admin's lesson routes take it. */
export const documentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{1,64}$/, 'A lesson is named by its document id: letters and digits.');

/** `GET /lessons/analytics/:documentId?locale=xx` (admin): which language of the lesson. */
export const lessonAnalyticsQuerySchema = z.object({ locale: localeSchema }).strict();

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);

/** One paragraph of the transcript, with what readers did there. */
export const paragraphAnalyticsSchema = z.object({
  id: z.string(),
  /** The heading of its section ('' before the first heading). */
  heading: z.string(),
  text: z.string(),
  start: secondsSchema.nullable(),
  end: secondsSchema.nullable(),
  /** Readers who watched ≥ 90% of it (`WATCHED_PARAGRAPH_SHARE`). */
  watched: count,
  /** `watched` out of the readers who started the lesson. */
  watchedShare: share,
  /** Readers who had not completed the lesson and got no further than this paragraph. */
  stopped: count,
  stoppedShare: share,
  /** Error reports about this paragraph (all but those held as likely spam). */
  reports: count,
});

/** Where readers struggle in one lesson and language, for editors. */
export const lessonAnalyticsSchema = z.object({
  documentId: z.string(),
  locale: localeSchema,
  title: z.string(),
  /** The video's length in seconds, when known. */
  duration: secondsSchema.nullable(),
  totals: z.object({
    /** Readers who started the lesson: played at least some of it, logged in. */
    readers: count,
    /** Readers who completed it. */
    completions: count,
    /** The middle reader's share of the lesson watched, 0–100; null without readers. */
    medianPercent: z.number().min(0).max(100).nullable(),
  }),
  paragraphs: z.array(paragraphAnalyticsSchema),
  /** Reports that no paragraph could be found for (no quote position, no time). */
  unanchoredReports: count,
  /** Progress rows read to answer: one pass over them. */
  rowsRead: count,
});

export const lessonAnalyticsResponseSchema = z.object({ data: lessonAnalyticsSchema });
