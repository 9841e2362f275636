import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CourseLessonProgress, CourseProgressList } from '@lessons/shared';
import { COURSE_UID, LESSON_UID, PROGRESS_UID } from '../utils/constants';
import { query, toNumber, type Doc } from '../utils/documents';
import { getService } from '../utils/get-service';

const PUBLISHED = { publishedAt: { $notNull: true } };

/**
 * A reader's way through the course of a lesson: each of its published lessons (in the editor's
 * order, in the lesson's language) with the reader's percent, for the widget's course list and
 * its previous/next links. A lesson counts as the reader's best language: watching it in Spanish
 * or in English completes it alike, as the course totals in the progress answer already do.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(readerId: number, slug: string, locale: string | undefined): Promise<CourseProgressList> {
    const where = await getService('lesson').resolve(slug, locale);
    const lesson = await query(strapi, LESSON_UID).findOne({
      where: { ...PUBLISHED, documentId: where.documentId, locale: where.locale },
      select: ['documentId'],
      populate: { course: { select: ['documentId'] } },
    });
    const courseId = (lesson?.course as Doc | null)?.documentId as string | undefined;
    const course = courseId
      ? await query(strapi, COURSE_UID).findOne({
          where: { documentId: courseId, locale: where.locale },
          select: ['slug', 'title'],
          // The relation's order column keeps the editor's order (as the lesson answer's course).
          populate: { lessons: { select: ['documentId', 'slug', 'title'], where: PUBLISHED } },
        })
      : null;
    if (!course) throw new errors.NotFoundError('This lesson is not part of a course.');
    const lessons: Doc[] = [];
    for (const l of (course.lessons ?? []) as Doc[]) {
      if (!lessons.some((o) => o.documentId === l.documentId)) lessons.push(l);
    }

    const rows = await query(strapi, PROGRESS_UID).findMany({
      where: { readerId, lessonDocumentId: { $in: lessons.map((l) => l.documentId as string) } },
      select: ['lessonDocumentId', 'percent', 'completed'],
    });
    const best = new Map<string, { percent: number; completed: boolean }>();
    for (const row of rows) {
      const id = row.lessonDocumentId as string;
      const seen = best.get(id) ?? { percent: 0, completed: false };
      best.set(id, {
        percent: Math.max(seen.percent, toNumber(row.percent) ?? 0),
        completed: seen.completed || Boolean(row.completed),
      });
    }

    const list: CourseLessonProgress[] = lessons.map((l, i) => {
      const mine = best.get(l.documentId as string);
      return {
        slug: l.slug as string,
        title: l.title as string,
        position: i + 1,
        percent: Math.min(100, mine?.percent ?? 0),
        completed: mine?.completed ?? false,
      };
    });
    const completed = list.filter((l) => l.completed).length;
    return {
      slug: course.slug as string,
      title: course.title as string,
      completed,
      total: list.length,
      percent: list.length ? Math.round((completed / list.length) * 1000) / 10 : 0,
      lessons: list,
    };
  },
});
