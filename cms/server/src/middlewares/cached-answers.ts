import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { countQueries } from '../utils/query-count';
import {
  embedRead,
  lessonRead,
  listRead,
  sendAnswer,
  transcriptRead,
  type CachedRead,
} from '../utils/cached-reads';
import { getConfig, getService } from '../utils/get-service';
import { originRule } from './allowed-origin';
import { findTextProblem } from './valid-text';

/**
 * The public reads under /api/lessons, by path after the prefix (the routes of routes/content-api.ts
 * that the lesson cache answers). The widget's files (`/widget.js`, `/widget/...`) are other routes.
 */
function readFor(ctx: Context, rest: string): CachedRead | null {
  // A draft shown to an editor (?preview=<token>) is never a cached answer: the controller's to give.
  if (ctx.query.preview !== undefined) return null;
  if (rest === '' || rest === '/') return listRead(ctx);
  const match = /^\/([^/]+)(?:\/(transcript|embed\.html))?$/.exec(rest);
  if (!match || match[1] === 'widget.js' || match[1] === 'widget') return null;
  // As the router decodes a path parameter: a slug it can't decode stays as sent.
  let slug = match[1];
  try {
    slug = decodeURIComponent(slug);
  } catch {
    // kept as sent
  }
  // What valid-text would refuse with a 400 goes the router's way, which says why.
  if (findTextProblem({ slug }) || findTextProblem(ctx.query ?? {})) return null;
  if (match[2] === 'transcript') return transcriptRead(ctx, slug);
  if (match[2] === 'embed.html') return embedRead(ctx, slug);
  return lessonRead(ctx, slug);
}

/**
 * Answers a public read the lesson cache already holds before Strapi's router: no route lookup,
 * route middlewares, policies or controller, and no database. That is the answer most readers
 * get, and every revalidation (304) of a browser or CDN. It is mounted after Strapi's global
 * middlewares (logger, security headers, CORS, query parser), so the answer carries exactly the
 * headers the controller's would; the cache version is checked as on every read (with
 * REDIS_URL, an edit on another instance is never answered with the copy it replaced).
 *
 * Anything else goes on to the router, which answers it as before: a miss, a lesson the cache
 * only knows by another name, an origin that isn't allowed (403), a query that isn't valid (400).
 */
export function answerCachedReadsEarly(strapi: Core.Strapi): void {
  const prefix = `${strapi.config.get<string>('api.rest.prefix', '/api').replace(/\/+$/, '')}/lessons`;
  const allows = originRule();
  const tryCache = async (ctx: Context): Promise<boolean> => {
    let read: CachedRead | null;
    try {
      read = allows(ctx.get('origin')) ? readFor(ctx, ctx.path.slice(prefix.length)) : null;
    } catch {
      return false; // a 400: the router's to give
    }
    if (!read) return false;
    const cache = getService('lessonCache');
    const debug = getConfig().cache.debugHeaders;
    let answered = false;
    await countQueries(ctx, debug, async () => {
      const answer = await cache.kept(read.key, read.shared);
      if (!answer) return;
      answered = true;
      if (debug) ctx.set('X-Lessons-Answered', 'before-router');
      await sendAnswer(ctx, answer, true, read.maxAge);
    });
    if (!answered) ctx.remove('X-Lessons-Queries');
    return answered;
  };
  strapi.server.use(async (ctx: Context, next: Next) => {
    const mine =
      (ctx.method === 'GET' || ctx.method === 'HEAD') &&
      ctx.path.startsWith(prefix) &&
      (ctx.path.length === prefix.length || ctx.path[prefix.length] === '/');
    // A preview (`?preview=<token>`) is a draft, never a cached answer: the controller's to give.
    if (mine && ctx.query.preview === undefined && (await tryCache(ctx))) return;
    await next();
  });
}
