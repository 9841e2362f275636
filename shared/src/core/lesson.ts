import type { z } from 'zod';
import type {
  categorySchema,
  courseRefSchema,
  lessonLinkSchema,
  lessonListQuerySchema,
  lessonListSchema,
  lessonLocaleSchema,
  lessonSchema,
  lessonSummarySchema,
  tagSchema,
  videoSchema,
  videoSourceSchema,
} from '../schemas/lesson.js';

/** A language code as Strapi's i18n names them: `en`, `es`, `pt-BR`, `es-419`. */
export const LOCALE_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
export const LOCALE_MESSAGE = 'A language is a code such as "en" or "pt-BR".';

/** A lesson's address: lowercase letters and digits joined by hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 200;

/** The language a code names, without its region or script: `es` for `es-MX`. */
export const baseLanguage = (tag: string): string => tag.toLowerCase().split('-')[0] ?? tag;

/**
 * Which of a lesson's languages answers a reader who asks for `wanted`: that one; else the same
 * language without region (`es` for `es-MX`); else another region of it (`es-MX` for `es`); else
 * the first of `fallbacks` the lesson has (the site's default language, the slug's own). The
 * server answers with it directly, so a reader in `es-MX` gets the Spanish lesson in one request.
 */
export function closestLocale(
  wanted: string | undefined,
  available: readonly string[],
  fallbacks: readonly string[] = [],
): string | undefined {
  if (wanted) {
    const lower = wanted.toLowerCase();
    const base = baseLanguage(wanted);
    const match =
      available.find((l) => l.toLowerCase() === lower) ??
      available.find((l) => l.toLowerCase() === base) ??
      available.find((l) => baseLanguage(l) === base);
    if (match) return match;
  }
  return fallbacks.find((l) => available.includes(l));
}

export type VideoSource = z.infer<typeof videoSourceSchema>;
export type Video = z.infer<typeof videoSchema>;
export type Tag = z.infer<typeof tagSchema>;
export type Category = z.infer<typeof categorySchema>;
export type LessonLink = z.infer<typeof lessonLinkSchema>;
export type CourseRef = z.infer<typeof courseRefSchema>;
export type LessonLocale = z.infer<typeof lessonLocaleSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type LessonSummary = z.infer<typeof lessonSummarySchema>;
export type LessonList = z.infer<typeof lessonListSchema>;
export type LessonListQuery = z.infer<typeof lessonListQuerySchema>;
