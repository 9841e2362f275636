import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import {
  TRANSCRIPT_FORMATS,
  transcriptQuerySchema,
  type Lesson,
  type TranscriptFormat,
} from '@lessons/shared';
import { getConfig, getService } from '../utils/get-service';
import { localeParam, parseOr400, prepareBody, publicOrigin, replyError } from '../utils/http';
import { PreviewTokenError } from '../utils/preview-token';
import type { LessonPlace } from '../services/lesson';
import { PreviewScopeError } from '../services/preview';
import { renderEmbed } from '../utils/embed';
import { countQueries } from '../utils/query-count';
import {
  embedRead,
  lessonRead,
  listRead,
  sendAnswer,
  transcriptRead,
  type CachedRead,
} from '../utils/cached-reads';
import type { AnswerCache as LessonCache, CachedAnswer } from '../services/lesson-cache';

const slugOf = (ctx: Context) => String(ctx.params.slug ?? '');
const origin = () => publicOrigin(getConfig().publicUrl);
const json = (value: unknown): CachedAnswer => ({
  ...prepareBody(JSON.stringify(value)),
  type: 'application/json; charset=utf-8',
});
const embedAnswer = (lesson: Lesson): CachedAnswer => ({
  ...prepareBody(renderEmbed(lesson, origin())),
  type: 'text/html; charset=utf-8',
});
/**
 * For the cache's answerVia: resolves `slug` in `locale` to its document and language, whose
 * answer every way of asking for it shares (`kind` keeps a lesson's JSON and its embed.html apart),
 * assembled from the published lesson.
 */
const oneDocument =
  (
    kind: 'lesson' | 'embed',
    slug: string,
    locale: string | undefined,
    answer: (lesson: Lesson) => CachedAnswer,
  ) =>
  async () => {
    const lessons = getService('lesson');
    const where = await lessons.resolve(slug, locale);
    return {
      key: JSON.stringify([kind, where.documentId, where.locale]),
      assemble: async () => answer(await lessons.lessonAt(where, origin())),
    };
  };
const transcriptAnswer = (
  file: { text: string; slug: string; locale: string },
  format: TranscriptFormat,
): CachedAnswer => {
  const { extension, mime } = TRANSCRIPT_FORMATS[format];
  return {
    ...prepareBody(file.text),
    type: mime,
    headers: { 'Content-Disposition': `attachment; filename="${file.slug}.${file.locale}.${extension}"` },
  };
};

/**
 * Answers from the lesson cache, assembling on a miss. The key is the request as asked (slug and
 * locale as sent, the parsed list query: utils/cached-reads.ts): a repeated request, and a 304,
 * touch no database, and are answered before Strapi's router (middlewares/cached-answers.ts); what
 * reaches this is a miss, or a request the cache only knows by another name. A lesson asked for
 * another way (its slug in another language, a regional locale) shares the copy of the lesson and
 * language it resolves to (AnswerCache.answerVia).
 */
async function serve(
  ctx: Context,
  read: CachedRead,
  find: (cache: LessonCache, key: string) => Promise<{ answer: CachedAnswer; hit: boolean }>,
): Promise<void> {
  await countQueries(ctx, getConfig().cache.debugHeaders, async () => {
    const { answer, hit } = await find(getService('lessonCache'), read.key);
    await sendAnswer(ctx, answer, hit, read.maxAge);
  });
}

/**
 * A preview request (`?preview=<token>`, see services/preview.ts): the draft the token is for,
 * assembled afresh and sent privately, kept neither in the lesson cache nor by any cache on the
 * way. Answers false when the request is not a preview.
 */
async function servePreview(
  ctx: Context,
  assemble: (where: LessonPlace) => Promise<CachedAnswer>,
): Promise<boolean> {
  const raw = ctx.query.preview;
  if (raw === undefined) return false;
  ctx.set('Cache-Control', 'private, no-store');
  const { preview: token } = parseOr400(
    z.object({ preview: z.string().min(1, 'The preview token is empty.').max(1024) }),
    { preview: raw },
    'preview request',
  );
  const previews = getService('preview');
  try {
    const where = await previews.draftFor(previews.verify(token), slugOf(ctx), localeParam(ctx));
    const answer = await assemble(where);
    for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
    ctx.status = 200;
    ctx.type = answer.type;
    ctx.body = answer.body;
  } catch (e) {
    if (e instanceof PreviewTokenError) replyError(ctx, 401, 'UnauthorizedError', e.message);
    else if (e instanceof PreviewScopeError) replyError(ctx, 403, 'ForbiddenError', e.message);
    else throw e;
  }
  return true;
}

export default (_: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const read = listRead(ctx);
    await serve(ctx, read, (cache, key) =>
      cache.answer(key, async () => json(await getService('lesson').list(read.query, origin()))),
    );
  },

  async findOne(ctx: Context) {
    const draft = async (where: LessonPlace) =>
      json({ data: await getService('lesson').lessonAt(where, origin(), 'draft') });
    if (await servePreview(ctx, draft)) return;
    const slug = slugOf(ctx);
    const read = lessonRead(ctx, slug);
    const { locale } = read;
    await serve(ctx, read, (cache, key) =>
      cache.answerVia(
        key,
        oneDocument('lesson', slug, locale, (lesson) => json({ data: lesson })),
      ),
    );
  },

  async transcript(ctx: Context) {
    const draft = async (where: LessonPlace) => {
      const { format } = parseOr400(transcriptQuerySchema, ctx.query, 'transcript request');
      const file = await getService('lesson').transcriptFileAt(where, format, 'draft');
      return transcriptAnswer(file, format);
    };
    if (await servePreview(ctx, draft)) return;
    const slug = slugOf(ctx);
    const read = transcriptRead(ctx, slug);
    const { locale, format } = read;
    await serve(ctx, read, (cache, key) =>
      cache.answer(key, async () =>
        transcriptAnswer(await getService('lesson').transcriptFile(slug, locale, format), format),
      ),
    );
  },

  async embed(ctx: Context) {
    const draft = async (where: LessonPlace) =>
      embedAnswer(await getService('lesson').lessonAt(where, origin(), 'draft'));
    if (await servePreview(ctx, draft)) return;
    const slug = slugOf(ctx);
    const read = embedRead(ctx, slug);
    const { locale } = read;
    await serve(ctx, read, (cache, key) =>
      cache.answerVia(key, oneDocument('embed', slug, locale, embedAnswer)),
    );
  },
});
