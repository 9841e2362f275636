import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  mergeSegments,
  paragraphsOf,
  percentWatched,
  type CourseProgress,
  type ProgressInput,
  type ProgressOutput,
  type Segment,
} from '@lessons/shared';
import { LESSON_UID, PROGRESS_UID } from '../utils/constants';
import { documents, isUniqueViolation, query, toNumber, type Doc } from '../utils/documents';
import { getConfig, getService } from '../utils/get-service';
import { readTranscript } from './lesson';

const MAX_ATTEMPTS = 50;

function storedSegments(value: unknown): Segment[] {
  try {
    return mergeSegments(Array.isArray(value) ? value : typeof value === 'string' ? JSON.parse(value) : []);
  } catch {
    return [];
  }
}

/**
 * Reader progress. A PUT merges the played segments into the stored ones with an optimistic,
 * atomic update (`UPDATE … WHERE revision = n`), retried on conflict, so simultaneous PUTs lose
 * nothing and progress never goes down — on SQLite and PostgreSQL alike.
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
    const lastEnd = paragraphsOf(readTranscript(doc?.transcript)).reduce((m, p) => Math.max(m, p.end ?? 0), 0);
    const duration = toNumber(doc?.duration) || lastEnd;
    return { documentId: where.documentId, locale: where.locale, duration };
  }

  async function course(readerId: number, documentId: string, locale: string): Promise<CourseProgress | undefined> {
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

  return {
    async get(readerId: number, slug: string, locale: string | undefined): Promise<ProgressOutput> {
      const lesson = await lessonFor(slug, locale);
      const row = await rows().findOne({ where: { progressKey: key(readerId, lesson.documentId, lesson.locale) } });
      const c = await course(readerId, lesson.documentId, lesson.locale);
      return { ...output(row), ...(c ? { course: c } : {}) };
    },

    async put(readerId: number, slug: string, locale: string | undefined, input: ProgressInput): Promise<ProgressOutput> {
      const lesson = await lessonFor(slug, locale);
      if (!lesson.duration) {
        throw new errors.ValidationError('This lesson has no video duration yet, so progress cannot be measured.');
      }
      const progressKey = key(readerId, lesson.documentId, lesson.locale);
      const incoming = mergeSegments(input.segments, lesson.duration);
      const threshold = getConfig().completionThreshold * 100;

      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const row = await rows().findOne({ where: { progressKey } });
        if (!row) {
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
              },
            });
          } catch (e) {
            if (!isUniqueViolation(e)) throw e;
          }
          continue;
        }
        const segments = mergeSegments([...storedSegments(row.segments), ...incoming], lesson.duration);
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
            position: Math.min(input.position, lesson.duration),
            revision: revision + 1,
          },
        });
        if (count === 1) {
          const c = await course(readerId, lesson.documentId, lesson.locale);
          return {
            percent,
            completed,
            position: Math.min(input.position, lesson.duration),
            segments,
            ...(c ? { course: c } : {}),
          };
        }
        // Someone else updated the row between our read and write: read again and re-merge.
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
      throw new errors.ApplicationError('Progress is being saved too often at once; please retry.');
    },
  };
};
