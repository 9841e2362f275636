import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { lessonListQuerySchema, TRANSCRIPT_FORMATS, transcriptQuerySchema } from '@lessons/shared';
import { getConfig, getService } from '../utils/get-service';
import { localeParam, parseOr400, publicOrigin, sendCached, sendJson } from '../utils/http';
import { renderEmbed } from '../utils/embed';

const slugOf = (ctx: Context) => String(ctx.params.slug ?? '');

export default (_: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const q = parseOr400(lessonListQuerySchema, ctx.query, 'search');
    await sendJson(ctx, await getService('lesson').list(q, publicOrigin(getConfig().publicUrl)), 30);
  },

  async findOne(ctx: Context) {
    const lesson = await getService('lesson').findBySlug(slugOf(ctx), localeParam(ctx), publicOrigin(getConfig().publicUrl));
    await sendJson(ctx, { data: lesson });
  },

  async transcript(ctx: Context) {
    const { format } = parseOr400(transcriptQuerySchema, ctx.query, 'transcript request');
    const file = await getService('lesson').transcriptFile(slugOf(ctx), localeParam(ctx), format);
    ctx.set('Content-Disposition', `attachment; filename="${file.slug}.${file.locale}.${TRANSCRIPT_FORMATS[format].extension}"`);
    await sendCached(ctx, file.text, TRANSCRIPT_FORMATS[format].mime);
  },

  async embed(ctx: Context) {
    const origin = publicOrigin(getConfig().publicUrl);
    const lesson = await getService('lesson').findBySlug(slugOf(ctx), localeParam(ctx), origin);
    const html = renderEmbed(lesson, origin);
    await sendCached(ctx, html, 'text/html; charset=utf-8');
  },
});
