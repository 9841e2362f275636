import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  closestLocale,
  formatTranscript,
  type Lesson,
  type LessonLink,
  type LessonList,
  type LessonListQuery,
  type LessonSummary,
  type TranscriptFormat,
  type Video,
  videoTypeOf,
} from '@lessons/shared';
import { COURSE_UID, LESSON_UID } from '../utils/constants';
import { documents, iso, query, toNumber, type Doc } from '../utils/documents';
import { absoluteUrl } from '../utils/http';
import { readTranscript } from '../utils/transcript';

const MEDIA_FIELDS = ['url', 'mime'];
const PUBLISHED = { publishedAt: { $notNull: true } };
/** Draft rows are only ever read for a preview with a valid token (services/preview.ts). */
const STATUS = { published: PUBLISHED, draft: { publishedAt: { $null: true } } } as const;
type Status = keyof typeof STATUS;

/** Which lesson and language an answer is about, and the languages it is published in. */
export interface LessonPlace {
  documentId: string;
  locale: string;
  locales: Doc[];
}
/**
 * Everything a lesson answer shows but its related lessons, in one Query Engine read: one query
 * for the row and one per relation (the course's published lessons come with the course, in the
 * editor's order). The Query Engine, not the Document Service: the latter wraps each read in a
 * transaction of its own, two more round trips for nothing on a read.
 */
const LESSON_POPULATE = {
  video: { select: MEDIA_FIELDS },
  poster: { select: MEDIA_FIELDS },
  tags: { select: ['slug', 'name'] },
  category: { select: ['slug', 'name'] },
  course: {
    select: ['documentId', 'slug', 'title'],
    populate: { lessons: { select: ['documentId', 'slug', 'title', 'publishedAt'], where: PUBLISHED } },
  },
};

function videoOf(doc: Doc, origin: string): Video | null {
  const src = absoluteUrl(doc.video?.url ?? doc.videoUrl, origin);
  if (!src) return null;
  const duration = toNumber(doc.duration);
  return {
    sources: [{ src, type: videoTypeOf(doc.video?.mime, src) }],
    poster: absoluteUrl(doc.poster?.url, origin),
    ...(duration && duration > 0 ? { duration } : {}),
  };
}

const link = (d: Doc): LessonLink => ({ slug: d.slug, title: d.title, publishedAt: iso(d.publishedAt) });

/** A course's populated lessons, each document once (its published row), in the course's order. */
function distinctLessons(course: Doc | null): Doc[] {
  const ordered: Doc[] = [];
  for (const l of (course?.lessons ?? []) as Doc[]) {
    if (!ordered.some((o) => o.documentId === l.documentId)) ordered.push(l);
  }
  return ordered;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const lessons = () => documents(strapi, LESSON_UID);

  async function defaultLocale(): Promise<string> {
    const service = strapi.plugin('i18n')?.service('locales') as
      { getDefaultLocale(): Promise<string> } | undefined;
    return (await service?.getDefaultLocale()) ?? 'en';
  }

  /** The site's language closest to the one asked for (closestLocale: `es` for `es-MX`), else the default. */
  async function siteLocale(wanted: string | undefined): Promise<string> {
    const fallback = await defaultLocale();
    if (!wanted) return fallback;
    const service = strapi.plugin('i18n')?.service('locales') as
      { find(): Promise<Array<{ code: string }>> } | undefined;
    const codes = ((await service?.find()) ?? []).map((l) => l.code);
    return closestLocale(wanted, codes, [fallback]) ?? fallback;
  }

  /**
   * Finds a published lesson by its slug in any language and answers in the language asked for
   * when it exists there, else in the closest one (`es` for `es-MX`), else in the default
   * language, else in the slug's own (closestLocale). The answer's `locale` says which it is.
   */
  async function resolve(slug: string, locale: string | undefined): Promise<LessonPlace> {
    const rows = await query(strapi, LESSON_UID).findMany({
      where: { slug, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale'],
    });
    const found = rows.find((r) => r.locale === locale) ?? rows[0];
    if (!found) throw new errors.NotFoundError(`There is no published lesson "${slug}".`);
    const locales = await query(strapi, LESSON_UID).findMany({
      where: { documentId: found.documentId, publishedAt: { $notNull: true } },
      select: ['locale', 'slug', 'title'],
      orderBy: { locale: 'asc' },
    });
    const chosen = closestLocale(
      locale,
      locales.map((l) => l.locale as string),
      [await defaultLocale(), found.locale],
    );
    return { documentId: found.documentId, locale: chosen ?? found.locale, locales };
  }

  /**
   * The course's published lessons in the editor's order. Read through the Query Engine: it keeps
   * the relation's order column, and lets us pick the published rows of a draft & publish target.
   */
  async function orderedCourseLessons(
    courseDocumentId: string,
    locale: string,
  ): Promise<{ course: Doc | null; lessons: Doc[] }> {
    const course = await query(strapi, COURSE_UID).findOne({
      where: { documentId: courseDocumentId, locale },
      select: ['documentId', 'slug', 'title'],
      populate: {
        lessons: {
          select: ['documentId', 'slug', 'title', 'publishedAt'],
          where: { publishedAt: { $notNull: true } },
        },
      },
    });
    return { course, lessons: distinctLessons(course) };
  }

  /** The lesson's place in its course (populated with its published lessons, see LESSON_POPULATE). */
  function courseOf(doc: Doc): Lesson['course'] {
    const course = doc.course as Doc | null;
    if (!course?.documentId) return null;
    const ordered = distinctLessons(course);
    const index = ordered.findIndex((l) => l.documentId === doc.documentId);
    if (index === -1) return null;
    return {
      slug: course.slug,
      title: course.title,
      position: index + 1,
      total: ordered.length,
      previous: index > 0 ? link(ordered[index - 1]) : null,
      next: index < ordered.length - 1 ? link(ordered[index + 1]) : null,
    };
  }

  async function related(doc: Doc, locale: string): Promise<LessonLink[]> {
    if (!doc.category?.slug) return [];
    const rows = await query(strapi, LESSON_UID).findMany({
      where: {
        ...PUBLISHED,
        locale,
        category: { slug: doc.category.slug },
        documentId: { $ne: doc.documentId },
      },
      select: ['slug', 'title', 'publishedAt'],
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      limit: 5,
    });
    return rows.map(link);
  }

  /** documentIds of the published lessons of the lesson's course, in order. */
  async function courseLessonIds(documentId: string, locale: string): Promise<string[]> {
    const doc = await lessons().findOne({
      documentId,
      locale,
      status: 'published',
      populate: { course: { fields: ['slug'] } },
    });
    if (!doc?.course?.documentId) return [];
    const { lessons: ordered } = await orderedCourseLessons(doc.course.documentId, locale);
    return ordered.map((l) => l.documentId as string);
  }

  /**
   * The published lesson `resolve` found, as the public API answers it; or, for a preview
   * (status `draft`, see services/preview.ts), its draft in that language.
   */
  async function lessonAt(where: LessonPlace, origin: string, status: Status = 'published'): Promise<Lesson> {
    const doc = await query(strapi, LESSON_UID).findOne({
      where: { ...STATUS[status], documentId: where.documentId, locale: where.locale },
      populate: LESSON_POPULATE,
    });
    // Unpublished (or deleted) since `resolve` found it.
    if (!doc)
      throw new errors.NotFoundError(
        status === 'draft' ? 'This draft does not exist any more.' : 'This lesson is not published any more.',
      );
    return {
      id: doc.documentId,
      slug: doc.slug,
      locale: doc.locale,
      title: doc.title,
      summary: doc.summary ?? '',
      video: videoOf(doc, origin),
      transcript: readTranscript(doc.transcript, { documentId: doc.documentId, locale: doc.locale }),
      tags: ((doc.tags ?? []) as Doc[]).map((t) => ({ slug: t.slug, name: t.name })),
      category: doc.category ? { slug: doc.category.slug, name: doc.category.name } : null,
      course: courseOf(doc),
      locales: where.locales.map((l) => ({ locale: l.locale, slug: l.slug, title: l.title })),
      related: await related(doc, where.locale),
      publishedAt: iso(doc.publishedAt),
      updatedAt: iso(doc.updatedAt),
    };
  }

  return {
    resolve,
    lessonAt,
    defaultLocale,
    courseLessonIds,

    /** The published lesson in one language, as the public API answers it. */
    async findBySlug(slug: string, locale: string | undefined, origin: string): Promise<Lesson> {
      return lessonAt(await resolve(slug, locale), origin);
    },

    async list(q: LessonListQuery, origin: string): Promise<LessonList> {
      const locale = await siteLocale(q.locale);
      const filters: Doc = {};
      if (q.search) {
        // Lower-cased here too: SQLite's LOWER() only folds ASCII, so "ÁNIMO" would miss "ánimo".
        // `%` and `_` stay literal: Strapi's $containsi escapes LIKE's wildcards (with the ESCAPE
        // clause SQLite needs); the cms and PostgreSQL suites pin that, in case it ever changes.
        const term = q.search.toLowerCase();
        filters.$or = ['title', 'summary', 'transcriptText'].map((field) => ({
          [field]: { $containsi: term },
        }));
      }
      if (q.tag) filters.tags = { slug: q.tag };
      if (q.category) filters.category = { slug: q.category };
      const params = { locale, status: 'published' as const, filters };
      const [rows, total] = await Promise.all([
        lessons().findMany({
          ...params,
          populate: {
            poster: { fields: MEDIA_FIELDS },
            tags: { fields: ['slug', 'name'] },
            category: { fields: ['slug', 'name'] },
          },
          fields: ['slug', 'locale', 'title', 'summary', 'duration', 'publishedAt'],
          sort: ['publishedAt:desc', 'id:desc'],
          start: (q.page - 1) * q.pageSize,
          limit: q.pageSize,
        }),
        lessons().count(params),
      ]);
      const data: LessonSummary[] = rows.map((d) => ({
        id: d.documentId,
        slug: d.slug,
        locale: d.locale,
        title: d.title,
        summary: d.summary ?? '',
        poster: absoluteUrl(d.poster?.url, origin),
        duration: toNumber(d.duration),
        tags: ((d.tags ?? []) as Doc[]).map((t) => ({ slug: t.slug, name: t.name })),
        category: d.category ? { slug: d.category.slug, name: d.category.name } : null,
        publishedAt: iso(d.publishedAt),
      }));
      return {
        data,
        meta: {
          pagination: { page: q.page, pageSize: q.pageSize, pageCount: Math.ceil(total / q.pageSize), total },
        },
      };
    },

    async transcriptFile(slug: string, locale: string | undefined, format: TranscriptFormat) {
      return transcriptFileAt(await resolve(slug, locale), format);
    },

    transcriptFileAt,
  };

  /** The transcript of the lesson at `where` (its draft for a preview) as a file in `format`. */
  async function transcriptFileAt(
    where: LessonPlace,
    format: TranscriptFormat,
    status: Status = 'published',
  ) {
    const doc = await lessons().findOne({ documentId: where.documentId, locale: where.locale, status });
    if (!doc)
      throw new errors.NotFoundError(
        status === 'draft' ? 'This draft does not exist any more.' : 'This lesson is not published any more.',
      );
    return {
      slug: doc.slug as string,
      locale: doc.locale as string,
      title: doc.title as string,
      updatedAt: iso(doc.updatedAt),
      text: formatTranscript(
        readTranscript(doc.transcript, { documentId: doc.documentId, locale: doc.locale }),
        format,
        doc.title,
        toNumber(doc.duration) ?? undefined,
      ),
    };
  }
};
