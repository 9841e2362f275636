import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  FASTEST_PLAYBACK_RATE,
  creditSegments,
  mergeOnGrid,
  mergeSegments,
  paragraphsOf,
  percentWatched,
  watchedSeconds,
  type CourseProgress,
  type ProgressInput,
  type ProgressOutput,
  type Segment,
} from '@lessons/shared';
import { LESSON_UID, PROGRESS_UID } from '../utils/constants';
import { documents, isUniqueViolation, query, toNumber, type Doc } from '../utils/documents';
import { getConfig, getService } from '../utils/get-service';
import { readTranscript } from '../utils/transcript';

const MAX_ATTEMPTS = 50;

function storedSegments(value: unknown): Segment[] {
  try {
    return mergeOnGrid(Array.isArray(value) ? value : typeof value === 'string' ? JSON.parse(value) : []);
  } catch {
    return [];
  }
}

/** Three decimals are plenty for seconds of video, and keep float noise out of the answer. */
const round = (seconds: number) => Math.round(seconds * 1000) / 1000;

/**
 * Reader progress. A PUT merges the played segments into the stored ones with an optimistic,
 * atomic update (`UPDATE … WHERE revision = n`), retried on conflict, so simultaneous PUTs lose
 * nothing and progress never goes down — on SQLite and PostgreSQL alike.
 *
 * What a PUT may add is bounded: since the reader first asked for this lesson's progress (the
 * widget does on load), nobody can have played more than `FASTEST_PLAYBACK_RATE` times the time
 * that has passed, plus the configured slack. Newer seconds beyond that are not credited.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => query(strapi, PROGRESS_UID);

  async function lessonFor(slug: string, locale: string | undefined) {
    const where = await getService('lesson').resolve(slug, locale);
    const doc = await documents(strapi, LESSON_UID).findOne({
      documentId: where.documentId,
      locale: where.locale,
      status: 'published',
      fields: ['duration', 'transcript'],
    });
    // The server's own duration of this language's video; the transcript's end if none was entered.
    const lastEnd = paragraphsOf(readTranscript(doc?.transcript, where)).reduce(
      (m, p) => Math.max(m, p.end ?? 0),
      0,
    );
    const duration = toNumber(doc?.duration) || lastEnd;
    return { documentId: where.documentId, locale: where.locale, duration };
  }

  async function course(
    readerId: number,
    documentId: string,
    locale: string,
  ): Promise<CourseProgress | undefined> {
    const ids = await getService('lesson').courseLessonIds(documentId, locale);
    if (ids.length === 0) return undefined;
    const done = await rows().findMany({
      where: { readerId, completed: true, lessonDocumentId: { $in: ids } },
      select: ['lessonDocumentId'],
    });
    const completed = new Set(done.map((d) => d.lessonDocumentId)).size;
    return { completed, total: ids.length, percent: Math.round((completed / ids.length) * 1000) / 10 };
  }

  function output(row: Doc | null): Omit<ProgressOutput, 'course'> {
    return {
      percent: toNumber(row?.percent) ?? 0,
      completed: Boolean(row?.completed),
      position: toNumber(row?.position) ?? 0,
      segments: storedSegments(row?.segments),
    };
  }

  const key = (readerId: number, documentId: string, locale: string) => `${readerId}:${documentId}:${locale}`;

  /**
   * The reader's row for this lesson and language, created on the first request (GET or PUT) so
   * that it records when the reader first came. A unique index settles simultaneous first requests.
   */
  async function rowFor(readerId: number, lesson: { documentId: string; locale: string }): Promise<Doc> {
    const progressKey = key(readerId, lesson.documentId, lesson.locale);
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = await rows().findOne({ where: { progressKey } });
      if (row) return row;
      try {
        await documents(strapi, PROGRESS_UID).create({
          data: {
            progressKey,
            readerId,
            lessonDocumentId: lesson.documentId,
            lessonLocale: lesson.locale,
            segments: [],
            position: 0,
            percent: 0,
            completed: false,
            revision: 0,
            firstSeenAt: new Date(),
          },
        });
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
      }
    }
    throw new errors.ApplicationError('Progress could not be started just now; please retry.');
  }

  /** Seconds of watching the reader may still be credited with in this row. */
  function allowance(row: Doc, stored: Segment[]): number {
    // Rows from before `firstSeenAt` existed were created on the reader's first request too.
    const since = new Date(row.firstSeenAt ?? row.createdAt ?? Date.now()).getTime();
    const elapsed = Math.max(0, (Date.now() - since) / 1000);
    return Math.max(0, elapsed * FASTEST_PLAYBACK_RATE + getConfig().progressSlack - watchedSeconds(stored));
  }

  return {
    /** Seconds to wait when this reader sends progress too often, or 0 when the PUT may go ahead. */
    admit(readerId: number): Promise<number> {
      return getService('rateLimit').progress(readerId);
    },

    async get(readerId: number, slug: string, locale: string | undefined): Promise<ProgressOutput> {
      const lesson = await lessonFor(slug, locale);
      const row = await rowFor(readerId, lesson);
      const c = await course(readerId, lesson.documentId, lesson.locale);
      return { ...output(row), ...(c ? { course: c } : {}) };
    },

    async put(
      readerId: number,
      slug: string,
      locale: string | undefined,
      input: ProgressInput,
    ): Promise<ProgressOutput> {
      const lesson = await lessonFor(slug, locale);
      if (!lesson.duration) {
        throw new errors.ValidationError(
          'This lesson has no video duration yet, so progress cannot be measured.',
        );
      }
      const incoming = mergeSegments(input.segments, lesson.duration);
      const threshold = getConfig().completionThreshold * 100;
      const position = Math.min(input.position, lesson.duration);

      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const row = await rowFor(readerId, lesson);
        const stored = storedSegments(row.segments);
        const { segments, credited, refused } = creditSegments(
          stored,
          incoming,
          allowance(row, stored),
          lesson.duration,
        );
        const percent = Math.max(toNumber(row.percent) ?? 0, percentWatched(segments, lesson.duration));
        const completed = Boolean(row.completed) || percent >= threshold;
        const revision = toNumber(row.revision) ?? 0;
        const { count } = await rows().updateMany({
          where: { id: row.id, revision },
          data: {
            segments,
            percent,
            completed,
            completedAt: completed ? (row.completedAt ?? new Date()) : null,
            position,
            revision: revision + 1,
          },
        });
        if (count === 1) {
          const c = await course(readerId, lesson.documentId, lesson.locale);
          return {
            percent,
            completed,
            position,
            segments,
            ...(c ? { course: c } : {}),
            credit: { seconds: round(credited), refused: round(refused) },
          };
        }
        // Someone else updated the row between our read and write: read again and re-merge.
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
      throw new errors.ApplicationError('Progress is being saved too often at once; please retry.');
    },
  };
};
