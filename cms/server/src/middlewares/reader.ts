import type { Context, Next } from 'koa';
import { readerFrom, type Reader } from '../utils/reader';

/**
 * Route middleware for the routes that care who the reader is (reports, progress): looks up the
 * users-permissions JWT once, before the controller, as `ctx.state.reader` (null when there is
 * none, or it is invalid, expired or a blocked reader's). The routes stay `auth: false`: a report
 * needs no login, and progress answers its own 401 with a message (see controllers/progress.ts).
 */
const reader = () => async (ctx: Context, next: Next) => {
  ctx.state.reader = await readerFrom(ctx);
  await next();
};

export default reader;

/** The reader the middleware found, or null. */
export const readerOf = (ctx: Context): Reader | null =>
  (ctx.state.reader as Reader | null | undefined) ?? null;
