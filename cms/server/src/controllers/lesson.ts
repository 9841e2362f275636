import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { lessonListQuerySchema, TRANSCRIPT_FORMATS, transcriptQuerySchema } from '@lessons/shared';
import { getConfig, getService } from '../utils/get-service';
import { localeParam, parseOr400, prepareBody, publicOrigin, sendCached } from '../utils/http';
import { renderEmbed } from '../utils/embed';
import { countQueries } from '../utils/query-count';
import type { CachedAnswer } from '../services/lesson-cache';

const slugOf = (ctx: Context) => String(ctx.params.slug ?? '');
const origin = () => publicOrigin(getConfig().publicUrl);
const json = (value: unknown): CachedAnswer => ({ ...prepareBody(JSON.stringify(value)), type: 'application/json; charset=utf-8' });

/**
 * Answers from the lesson cache, assembling on a miss. The key is the request as asked (slug and
 * locale as sent, the parsed list query): a repeated request, and a 304, touch no database.
 */
async function serve(ctx: Context, key: unknown[], assemble: () => Promise<CachedAnswer>, maxAge?: number): Promise<void> {
  const { debugHeaders } = getConfig().cache;
  await countQueries(ctx, debugHeaders, async () => {
    const cache = getService('lessonCache');
    const { answer, hit } = await cache.answer(JSON.stringify(key), assemble);
    if (debugHeaders) {
      const { entries, bytes } = cache.stats();
      ctx.set('X-Lessons-Cache', `${hit ? 'hit' : 'miss'}; entries=${entries}; bytes=${bytes}`);
    }
    for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
    await sendCached(ctx, answer, answer.type, maxAge);
  });
}

export default (_: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const q = parseOr400(lessonListQuerySchema, ctx.query, 'search');
    await serve(ctx, ['list', q], async () => json(await getService('lesson').list(q, origin())), 30);
  },

  async findOne(ctx: Context) {
    const slug = slugOf(ctx);
    const locale = localeParam(ctx);
    await serve(ctx, ['lesson', slug, locale], async () => json({ data: await getService('lesson').findBySlug(slug, locale, origin()) }));
  },

  async transcript(ctx: Context) {
    const { format } = parseOr400(transcriptQuerySchema, ctx.query, 'transcript request');
    const slug = slugOf(ctx);
    const locale = localeParam(ctx);
    await serve(ctx, ['transcript', slug, locale, format], async () => {
      const file = await getService('lesson').transcriptFile(slug, locale, format);
      const { extension, mime } = TRANSCRIPT_FORMATS[format];
      return {
        ...prepareBody(file.text),
        type: mime,
        headers: { 'Content-Disposition': `attachment; filename="${file.slug}.${file.locale}.${extension}"` },
      };
    });
  },

  async embed(ctx: Context) {
    const slug = slugOf(ctx);
    const locale = localeParam(ctx);
    await serve(ctx, ['embed', slug, locale], async () => {
      const lesson = await getService('lesson').findBySlug(slug, locale, origin());
      return { ...prepareBody(renderEmbed(lesson, origin())), type: 'text/html; charset=utf-8' };
    });
  },
});
