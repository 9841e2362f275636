import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { lessonListQuerySchema, TRANSCRIPT_FORMATS, type TranscriptFormat } from '@lessons/shared';
import { getConfig, getService } from '../utils/get-service';
import { localeParam, parseOr400, publicOrigin, sendCached, sendJson } from '../utils/http';
import { renderEmbed } from '../utils/embed';

const slugOf = (ctx: Context) => String(ctx.params.slug ?? '');

export default (_: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const q = parseOr400(lessonListQuerySchema, ctx.query, 'search');
    sendJson(ctx, await getService('lesson').list(q, publicOrigin(ctx, getConfig().publicUrl)), 30);
  },

  async findOne(ctx: Context) {
    const lesson = await getService('lesson').findBySlug(slugOf(ctx), localeParam(ctx), publicOrigin(ctx, getConfig().publicUrl));
    sendJson(ctx, { data: lesson });
  },

  async transcript(ctx: Context) {
    const format = (ctx.query.format ?? 'vtt') as string;
    if (!(format in TRANSCRIPT_FORMATS)) {
      const message = 'The format must be vtt, srt or txt.';
      throw new errors.ValidationError(message, { errors: [{ path: ['format'], message }] });
    }
    const f = format as TranscriptFormat;
    const file = await getService('lesson').transcriptFile(slugOf(ctx), localeParam(ctx), f);
    ctx.set('Content-Disposition', `attachment; filename="${file.slug}.${file.locale}.${TRANSCRIPT_FORMATS[f].extension}"`);
    sendCached(ctx, file.text, TRANSCRIPT_FORMATS[f].mime);
  },

  async embed(ctx: Context) {
    const origin = publicOrigin(ctx, getConfig().publicUrl);
    const lesson = await getService('lesson').findBySlug(slugOf(ctx), localeParam(ctx), origin);
    const html = renderEmbed(lesson, origin);
    sendCached(ctx, html, 'text/html; charset=utf-8');
  },
});
