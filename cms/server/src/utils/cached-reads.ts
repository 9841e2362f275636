import type { Context } from 'koa';
import {
  lessonListQuerySchema,
  transcriptQuerySchema,
  type LessonListQuery,
  type TranscriptFormat,
} from '@lessons/shared';
import type { CachedAnswer } from '../services/lesson-cache';
import { getConfig, getService } from './get-service';
import { localeParam, parseOr400, sendCached } from './http';

/**
 * A public read as the lesson cache knows it: its key (the request as asked: slug and locale as
 * sent, the list's parsed query), whether that key is an alias of the answer's own key (a lesson
 * or embed.html asked for by any of its slugs or locales: AnswerCache.answerVia), and how long
 * clients may keep the answer. The controller (after Strapi's router) and the early answers
 * (middlewares/cached-answers.ts, before it) work the key out here, so they can't disagree.
 * Each throws the 400 of a query that is not valid.
 */
export interface CachedRead {
  key: string;
  shared: boolean;
  maxAge?: number;
}

export const listRead = (ctx: Context): CachedRead & { query: LessonListQuery } => {
  const query = parseOr400(lessonListQuerySchema, ctx.query, 'search');
  return { key: JSON.stringify(['list', query]), shared: false, maxAge: 30, query };
};

export const lessonRead = (ctx: Context, slug: string): CachedRead & { locale?: string } => {
  const locale = localeParam(ctx);
  return { key: JSON.stringify(['lesson', slug, locale]), shared: true, locale };
};

export const transcriptRead = (
  ctx: Context,
  slug: string,
): CachedRead & { locale?: string; format: TranscriptFormat } => {
  const { format } = parseOr400(transcriptQuerySchema, ctx.query, 'transcript request');
  const locale = localeParam(ctx);
  return { key: JSON.stringify(['transcript', slug, locale, format]), shared: false, locale, format };
};

export const embedRead = (ctx: Context, slug: string): CachedRead & { locale?: string } => {
  const locale = localeParam(ctx);
  return { key: JSON.stringify(['embed', slug, locale]), shared: true, locale };
};

/** Sends a cached or just assembled answer: its own headers, caching headers, 304 when the client has it. */
export async function sendAnswer(ctx: Context, answer: CachedAnswer, hit: boolean, maxAge?: number) {
  if (getConfig().cache.debugHeaders) {
    const { entries, bytes } = getService('lessonCache').stats();
    ctx.set('X-Lessons-Cache', `${hit ? 'hit' : 'miss'}; entries=${entries}; bytes=${bytes}`);
  }
  for (const [name, value] of Object.entries(answer.headers ?? {})) ctx.set(name, value);
  await sendCached(ctx, answer, answer.type, maxAge);
}
