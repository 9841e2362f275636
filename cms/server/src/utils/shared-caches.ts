import type { Context } from 'koa';
import { getConfig } from './get-service';

/**
 * How long public answers may be reused. Browsers and shared caches (a CDN) alike keep an answer a
 * minute; past that a shared cache may go on serving it for five more while it asks again in the
 * background (a revalidation is a 304 from memory here, see lesson-cache.ts), and for a day when
 * this server can't be reached at all. So an edit reaches every reader within about a minute with
 * no purge, and an outage of the CMS doesn't take the lessons down with it.
 */
export function publicCacheControl(maxAge: number): string {
  return `public, max-age=${maxAge}, s-maxage=${maxAge}, stale-while-revalidate=${maxAge * 5}, stale-if-error=86400`;
}

type MiddlewareEntry = string | { name?: string; config?: { origin?: unknown; credentials?: unknown } };

let openToEveryOrigin: boolean | undefined;

/**
 * Whether the public answers are the same whatever page asks: the plugin's allow-list
 * (LESSONS_ALLOWED_ORIGINS) and Strapi's CORS allow-list (CORS_ORIGINS) both `*`, no credentials.
 * Otherwise a page on another origin gets a 403, or no Access-Control-Allow-Origin, where an
 * allowed one gets the lesson.
 */
function answersIgnoreOrigin(): boolean {
  if (openToEveryOrigin !== undefined) return openToEveryOrigin;
  const pluginOpen = getConfig().allowedOrigins.some((o) => o.trim() === '*');
  const middlewares = strapi.config.get<MiddlewareEntry[] | undefined>('middlewares') ?? [];
  const cors = middlewares.find(
    (m): m is Exclude<MiddlewareEntry, string> => typeof m === 'object' && m?.name === 'strapi::cors',
  );
  const origins = cors?.config?.origin ?? '*';
  const list: unknown[] = Array.isArray(origins)
    ? origins
    : typeof origins === 'string'
      ? origins.split(',')
      : [];
  const corsOpen = list.some((o) => typeof o === 'string' && o.trim() === '*');
  openToEveryOrigin = pluginOpen && corsOpen && !cors?.config?.credentials;
  return openToEveryOrigin;
}

/**
 * Makes a public answer safe for a shared cache to hand to any page. Strapi's CORS echoes each
 * page's origin in Access-Control-Allow-Origin and always adds `Vary: Origin`, so a CDN would keep
 * one copy per embedding site, and a CDN that ignores Vary (many do, apart from Accept-Encoding)
 * would hand site A's copy to site B, whose browser then refuses it. When the answer can't depend
 * on the origin, it says `*` and varies on the coding alone; when an allow-list is set, it keeps
 * varying on Origin, which such a CDN must then be told to key on (README, Production).
 */
export function varyForSharedCaches(ctx: Context): void {
  if (answersIgnoreOrigin()) {
    ctx.set('Access-Control-Allow-Origin', '*');
    ctx.set('Vary', 'Accept-Encoding');
    return;
  }
  ctx.vary('Origin');
  ctx.vary('Accept-Encoding');
}
