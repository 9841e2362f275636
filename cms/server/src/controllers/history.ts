import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { reviewClearInputSchema, reviewMarkQuerySchema, revisionListQuerySchema } from '@lessons/shared';
import { getService } from '../utils/get-service';
import { parseOr400 } from '../utils/http';

const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body;

/** Transcript history and translation review marks, for the lesson's edit view. */
export default (_: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService('history').list(parseOr400(revisionListQuerySchema, ctx.query, 'query'));
  },

  async findOne(ctx: Context) {
    ctx.body = { data: await getService('history').detail(String(ctx.params.id)) };
  },

  async revert(ctx: Context) {
    ctx.body = { data: await getService('history').revert(String(ctx.params.id)) };
  },

  async marks(ctx: Context) {
    const { lesson, locale } = parseOr400(reviewMarkQuerySchema, ctx.query, 'query');
    ctx.body = { data: await getService('review').list({ documentId: lesson, locale }) };
  },

  async markCounts(ctx: Context) {
    const { data, total } = await getService('review').counts();
    ctx.body = { data, meta: { total } };
  },

  async clearMark(ctx: Context) {
    const input = parseOr400(reviewClearInputSchema, body(ctx), 'body');
    ctx.body = { data: { cleared: await getService('review').clear(input) } };
  },
});
