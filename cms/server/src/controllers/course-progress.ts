import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { localeParam, replyError } from '../utils/http';
import { readerOf } from '../middlewares/reader';

export default (_: { strapi: Core.Strapi }) => ({
  /** `GET /api/lessons/:slug/course-progress`: the reader's percent in each lesson of the course. */
  async get(ctx: Context) {
    ctx.set('Cache-Control', 'private, no-store');
    const reader = readerOf(ctx);
    if (!reader) {
      replyError(ctx, 401, 'UnauthorizedError', 'Log in to see your progress in the course.');
      return;
    }
    ctx.body = {
      data: await getService('courseProgress').list(reader.id, String(ctx.params.slug), localeParam(ctx)),
    };
  },
});
