import type { Core } from '@strapi/strapi';
import { COURSE_UID } from './constants';
import { query, type Doc } from './documents';

/** A lesson's place in its course: "2 of 4". */
export interface CoursePosition {
  position: number;
  total: number;
}

/**
 * Where each lesson stands in its course, in one language, in the order editors set on the
 * course (drafts included, as editors see them): for the lesson list of the Content Manager.
 * Lessons in no course are absent.
 */
export async function coursePositions(
  strapi: Core.Strapi,
  locale: string,
): Promise<Record<string, CoursePosition>> {
  const courses = await query(strapi, COURSE_UID).findMany({
    where: { locale },
    select: ['documentId'],
    populate: { lessons: { select: ['documentId'] } },
  });
  const positions: Record<string, CoursePosition> = {};
  for (const course of courses) {
    const ids: string[] = [];
    for (const lesson of (course.lessons ?? []) as Doc[]) {
      if (!ids.includes(lesson.documentId)) ids.push(lesson.documentId);
    }
    ids.forEach((id, index) => (positions[id] = { position: index + 1, total: ids.length }));
  }
  return positions;
}
