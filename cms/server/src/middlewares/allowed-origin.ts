import type { Context, Next } from 'koa';
import { normalizeOrigin } from '../config';
import { replyError } from '../utils/http';
import { getConfig } from '../utils/get-service';

/** Whether a request from a page on `origin` (its Origin header; empty: not from a page) may be answered. */
export function originRule(): (origin: string) => boolean {
  // Both sides normalised, so `HTTPS://Partner.example/` in the config allows https://partner.example.
  const configured = getConfig().allowedOrigins;
  const anyOrigin = configured.some((o) => o.trim() === '*');
  const allowed = new Set(configured.map(normalizeOrigin).filter((o): o is string => o !== null));
  return (origin) => !origin || anyOrigin || allowed.has(normalizeOrigin(origin) ?? origin);
}

/** Refuses API calls made from pages on origins the site owner has not allowed. */
export default () => {
  const allows = originRule();
  return async (ctx: Context, next: Next) => {
    const origin = ctx.get('origin');
    if (!allows(origin)) {
      replyError(ctx, 403, 'ForbiddenError', `Pages on ${origin} are not allowed to use these lessons.`);
      return;
    }
    await next();
  };
};
