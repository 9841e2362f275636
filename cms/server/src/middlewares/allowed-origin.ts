import type { Context, Next } from 'koa';
import { replyError } from '../utils/http';
import { getConfig } from '../utils/get-service';

/** Refuses API calls made from pages on origins the site owner has not allowed. */
export default () => async (ctx: Context, next: Next) => {
  const origin = ctx.get('origin');
  const allowed = getConfig().allowedOrigins;
  if (origin && !allowed.includes('*') && !allowed.includes(origin)) {
    replyError(ctx, 403, 'ForbiddenError', `Pages on ${origin} are not allowed to use these lessons.`);
    return;
  }
  await next();
};
