import { useFetchClient } from '@strapi/strapi/admin';
import {
  lessonAnalyticsResponseSchema,
  lessonOptionsResponseSchema,
  type LessonAnalytics,
  type LessonOption,
} from '@lessons/shared';
import type { z } from 'zod';
import { useApiQuery, type ApiQuery } from './useApiQuery';

const BASE = '/lessons/analytics';

/** An answer checked against its shared contract: a server drifting from it shows at once. */
function parsed<S extends z.ZodType>(schema: S, data: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new Error(`The server's answer for ${what} is not what this page expects.`);
}

/** Every lesson in every language, for the page's lesson picker. */
export function useAnalyticsLessons(): ApiQuery<LessonOption[]> {
  const client = useFetchClient();
  return useApiQuery(async (signal) => {
    const { data } = await client.get(`${BASE}/lessons`, { signal });
    return parsed(lessonOptionsResponseSchema, data, 'the lesson list').data;
  }, 'lessons');
}

/** Where readers struggle in one lesson and language (nothing is asked without a choice). */
export function useLessonAnalytics(
  documentId: string | undefined,
  locale: string | undefined,
): ApiQuery<LessonAnalytics | null> {
  const client = useFetchClient();
  return useApiQuery(
    async (signal) => {
      if (!documentId || !locale) return null;
      const { data } = await client.get(`${BASE}/lessons/${encodeURIComponent(documentId)}`, {
        params: { locale },
        signal,
      });
      return parsed(lessonAnalyticsResponseSchema, data, 'the analytics').data;
    },
    `${documentId ?? ''}:${locale ?? ''}`,
  );
}
