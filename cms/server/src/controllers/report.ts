import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { randomUUID } from 'node:crypto';
import { errorReportInputSchema, HONEYPOT_FIELD } from '@lessons/shared';
import { readerOf } from '../middlewares/reader';
import { getService } from '../utils/get-service';
import { clientHash, parseOr400, replyError } from '../utils/http';
import { RateLimitedError } from '../services/rate-limit';

export default (_: { strapi: Core.Strapi }) => ({
  async create(ctx: Context) {
    const body = (ctx.request as unknown as { body?: unknown }).body;
    const input = parseOr400(errorReportInputSchema, body, 'error report');
    if (input[HONEYPOT_FIELD]) {
      // A bot filled the field people never see: answer as if stored, store nothing.
      ctx.status = 201;
      ctx.body = { data: { id: randomUUID().replace(/-/g, '').slice(0, 24), state: 'new' } };
      return;
    }
    const reader = readerOf(ctx);
    try {
      const created = await getService('report').create(String(ctx.params.slug), input, {
        clientHash: clientHash(ctx),
        ...(reader ? { userId: reader.id, username: reader.username } : {}),
      });
      ctx.status = 201;
      ctx.body = { data: created };
    } catch (e) {
      if (e instanceof RateLimitedError) {
        ctx.set('Retry-After', String(e.retryAfterSeconds));
        replyError(ctx, 429, 'RateLimitError', e.message, { retryAfter: e.retryAfterSeconds });
        return;
      }
      throw e;
    }
  },
});
