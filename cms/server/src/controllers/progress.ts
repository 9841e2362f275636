import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { progressInputSchema } from '@lessons/shared';
import { getService } from '../utils/get-service';
import { localeParam, parseOr400, replyError } from '../utils/http';
import { readerOf } from '../middlewares/reader';

function requireReader(ctx: Context) {
  ctx.set('Cache-Control', 'private, no-store');
  const reader = readerOf(ctx);
  if (!reader) replyError(ctx, 401, 'UnauthorizedError', 'Log in to see and record your progress.');
  return reader;
}

export default (_: { strapi: Core.Strapi }) => ({
  async get(ctx: Context) {
    const reader = requireReader(ctx);
    if (!reader) return;
    ctx.body = {
      data: await getService('progress').get(reader.id, String(ctx.params.slug), localeParam(ctx)),
    };
  },

  async put(ctx: Context) {
    const reader = requireReader(ctx);
    if (!reader) return;
    // Before the body is even parsed: a flood costs as little as possible.
    const retryAfter = await getService('progress').admit(reader.id);
    if (retryAfter) {
      ctx.set('Retry-After', String(retryAfter));
      const message = `Progress is being sent too often. Please try again in ${retryAfter} seconds.`;
      replyError(ctx, 429, 'RateLimitError', message, { retryAfter });
      return;
    }
    const input = parseOr400(
      progressInputSchema,
      (ctx.request as unknown as { body?: unknown }).body,
      'progress',
    );
    ctx.body = {
      data: await getService('progress').put(reader.id, String(ctx.params.slug), localeParam(ctx), input),
    };
  },
});
