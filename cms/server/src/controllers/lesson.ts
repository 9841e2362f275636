import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { lessonListQuerySchema, TRANSCRIPT_FORMATS, transcriptQuerySchema } from '@lessons/shared';
import { getConfig, getService } from '../utils/get-service';
import { localeParam, parseOr400, prepareBody, publicOrigin, sendCached } from '../utils/http';
import { renderEmbed } from '../utils/embed';
import { countQueries } from '../utils/query-count';
import type { AnswerCache as LessonCache, CachedAnswer } from '../services/lesson-cache';

const slugOf = (ctx: Context) => String(ctx.params.slug ?? '');
const origin = () => publicOrigin(getConfig().publicUrl);
const json = (value: unknown): CachedAnswer => ({
  ...prepareBody(JSON.stringify(value)),
  type: 'application/json; charset=utf-8',
});

/**
 * Answers from the lesson cache, assembling on a miss. The key is the request as asked (slug and
 * locale as sent, the parsed list query): a repeated request, and a 304, touch no database. A
 * lesson asked for another way (its slug in another language, a regional locale) shares the copy
 * of the lesson and language it resolves to (AnswerCache.answerVia).
 */
async function serve(
  ctx: Context,
  key: unknown[],
  find: (cache: LessonCache, key: string) => Promise<{ answer: CachedAnswer; hit: boolean }>,
  maxAge?: number,
): Promise<void> {
  const { debugHeaders } = getConfig().cache;
  await countQueries(ctx, debugHeaders, async () => {
    const cache = getService('lessonCache');
    const { answer, hit } = await find(cache, JSON.stringify(key));
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
    await serve(
      ctx,
      ['list', q],
      (cache, key) => cache.answer(key, async () => json(await getService('lesson').list(q, origin()))),
      30,
    );
  },

  async findOne(ctx: Context) {
    const slug = slugOf(ctx);
    const locale = localeParam(ctx);
    await serve(ctx, ['lesson', slug, locale], (cache, key) =>
      cache.answerVia(key, async () => {
        const lessons = getService('lesson');
        const where = await lessons.resolve(slug, locale);
        return {
          key: JSON.stringify(['lesson', where.documentId, where.locale]),
          assemble: async () => json({ data: await lessons.lessonAt(where, origin()) }),
        };
      }),
    );
  },

  async transcript(ctx: Context) {
    const { format } = parseOr400(transcriptQuerySchema, ctx.query, 'transcript request');
    const slug = slugOf(ctx);
    const locale = localeParam(ctx);
    await serve(ctx, ['transcript', slug, locale, format], (cache, key) =>
      cache.answer(key, async () => {
        const file = await getService('lesson').transcriptFile(slug, locale, format);
        const { extension, mime } = TRANSCRIPT_FORMATS[format];
        return {
          ...prepareBody(file.text),
          type: mime,
          headers: {
            'Content-Disposition': `attachment; filename="${file.slug}.${file.locale}.${extension}"`,
          },
        };
      }),
    );
  },

  async embed(ctx: Context) {
    const slug = slugOf(ctx);
    const locale = localeParam(ctx);
    await serve(ctx, ['embed', slug, locale], (cache, key) =>
      cache.answerVia(key, async () => {
        const lessons = getService('lesson');
        const where = await lessons.resolve(slug, locale);
        return {
          key: JSON.stringify(['embed', where.documentId, where.locale]),
          assemble: async () => ({
            ...prepareBody(renderEmbed(await lessons.lessonAt(where, origin()), origin())),
            type: 'text/html; charset=utf-8',
          }),
        };
      }),
    );
  },
});
