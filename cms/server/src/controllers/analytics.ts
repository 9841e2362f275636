import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { documentIdSchema, lessonAnalyticsQuerySchema } from '@lessons/shared';
import { getService } from '../utils/get-service';
import { parseOr400 } from '../utils/http';

/** The admin's "Lesson analytics" (permission `plugin::lessons.analytics.read`). */
export default (_: { strapi: Core.Strapi }) => ({
  /** Every lesson in every language, for the page's lesson picker. */
  async lessons(ctx: Context) {
    ctx.body = { data: await getService('adminReport').lessonOptions() };
  },

  async lesson(ctx: Context) {
    const documentId = parseOr400(documentIdSchema, ctx.params.documentId, 'lesson');
    const { locale } = parseOr400(lessonAnalyticsQuerySchema, ctx.query, 'query');
    ctx.set('Cache-Control', 'private, no-store');
    ctx.body = { data: await getService('analytics').lesson(documentId, locale) };
  },
});
