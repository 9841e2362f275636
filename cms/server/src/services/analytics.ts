import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  LessonAnalyticsCounter,
  mergeSegments,
  paragraphsOf,
  quotePositionSchema,
  rangeIndexAt,
  type LessonAnalytics,
  type Segment,
} from '@lessons/shared';
import { LESSON_UID, PROGRESS_UID, REPORT_UID } from '../utils/constants';
import { documents, query, toNumber } from '../utils/documents';
import { readTranscript } from '../utils/transcript';

/** Progress rows read per query: the pass over them never holds more than this many at once. */
const BATCH = 2_000;

function segmentsOf(value: unknown): Segment[] {
  try {
    return mergeSegments(Array.isArray(value) ? value : typeof value === 'string' ? JSON.parse(value) : []);
  } catch {
    return [];
  }
}

const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : 0);

/**
 * Where readers struggle, per lesson and language (the admin's "Lesson analytics"): for each
 * paragraph, how many of the readers who started the lesson watched it and how many stopped
 * there, and the reports about it; with the totals. One pass over the lesson's progress rows, read
 * in id order a batch at a time through an index on (lesson, language, id), the same on SQLite and
 * PostgreSQL.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The index the pass reads through; created at bootstrap when missing. */
  async ensureIndex(): Promise<void> {
    const meta = strapi.db.metadata.get(PROGRESS_UID) as unknown as {
      tableName: string;
      attributes: Record<string, { columnName?: string }>;
    };
    const column = (name: string) =>
      meta.attributes[name]?.columnName ?? name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    const index = `${meta.tableName}_lesson_idx`;
    try {
      await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??, ??)', [
        index,
        meta.tableName,
        column('lessonDocumentId'),
        column('lessonLocale'),
        'id',
      ]);
    } catch (e) {
      strapi.log.warn(`[lessons] Could not create the index ${index}: ${(e as Error).message}`);
    }
  },

  async lesson(documentId: string, locale: string): Promise<LessonAnalytics> {
    // What readers saw: the published version (the draft when the lesson is not published).
    const fields = ['title', 'duration', 'transcript'];
    const doc =
      (await documents(strapi, LESSON_UID).findOne({ documentId, locale, status: 'published', fields })) ??
      (await documents(strapi, LESSON_UID).findOne({ documentId, locale, status: 'draft', fields }));
    if (!doc) throw new errors.NotFoundError(`There is no lesson ${documentId} in the language "${locale}".`);
    const paragraphs = paragraphsOf(readTranscript(doc.transcript, { documentId, locale }));
    const timed = paragraphs.flatMap((p, index) =>
      p.start !== undefined && p.end !== undefined ? [{ index, start: p.start, end: p.end }] : [],
    );

    const counter = new LessonAnalyticsCounter(timed);
    let after = 0;
    for (;;) {
      const batch = await query(strapi, PROGRESS_UID).findMany({
        where: { lessonDocumentId: documentId, lessonLocale: locale, id: { $gt: after } },
        select: ['id', 'segments', 'percent', 'completed'],
        orderBy: { id: 'asc' },
        limit: BATCH,
      });
      for (const row of batch) {
        counter.add({
          segments: segmentsOf(row.segments),
          percent: toNumber(row.percent) ?? 0,
          completed: Boolean(row.completed),
        });
      }
      const last = batch.at(-1);
      if (!last || batch.length < BATCH) break;
      after = last.id as number;
    }
    const tally = counter.result();

    // Reports, each to its paragraph: by the quote's place, else by the moment in the video.
    const reports = await query(strapi, REPORT_UID).findMany({
      where: { lessonDocumentId: documentId, lessonLocale: locale, reviewState: { $ne: 'held' } },
      select: ['position', 'time'],
    });
    const reportCounts = paragraphs.map(() => 0);
    const indexById = new Map(paragraphs.map((p, i) => [p.id, i]));
    const starts = timed.map((p) => p.start);
    let unanchoredReports = 0;
    for (const report of reports) {
      const position = quotePositionSchema.safeParse(
        typeof report.position === 'string' ? JSON.parse(report.position) : report.position,
      );
      const time = toNumber(report.time);
      const byQuote = position.success ? indexById.get(position.data.paragraphId) : undefined;
      const byTime = time !== null && timed.length ? timed[rangeIndexAt(starts, time)]?.index : undefined;
      const at = byQuote ?? byTime;
      if (at === undefined) unanchoredReports++;
      else reportCounts[at] = (reportCounts[at] ?? 0) + 1;
    }

    const byParagraph = new Map(timed.map((p, i) => [p.index, i]));
    return {
      documentId,
      locale,
      title: doc.title as string,
      duration: toNumber(doc.duration) || null,
      totals: {
        readers: tally.readers,
        completions: tally.completions,
        medianPercent: tally.medianPercent,
      },
      paragraphs: paragraphs.map((p, index) => {
        const i = byParagraph.get(index);
        const watched = i === undefined ? 0 : (tally.watched[i] ?? 0);
        const stopped = i === undefined ? 0 : (tally.stopped[i] ?? 0);
        return {
          id: p.id,
          heading: p.heading,
          text: p.text,
          start: p.start ?? null,
          end: p.end ?? null,
          watched,
          watchedShare: share(watched, tally.readers),
          stopped,
          stoppedShare: share(stopped, tally.readers),
          reports: reportCounts[index] ?? 0,
        };
      }),
      unanchoredReports,
      rowsRead: tally.rowsRead,
    };
  },
});
