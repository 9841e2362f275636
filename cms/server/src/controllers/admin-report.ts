import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import {
  applySuggestionInputSchema,
  lessonOptionsQuerySchema,
  reportListQuerySchema,
  reportStateChangeSchema,
} from '@lessons/shared';
import { getConfig, getService } from '../utils/get-service';
import { parseOr400, publicOrigin, replyError } from '../utils/http';
import { QuoteGoneError, type AdminUser } from '../services/admin-report';

const body = (ctx: Context) => (ctx.request as unknown as { body?: unknown }).body;
const admin = (ctx: Context) => ctx.state.user as AdminUser;

export default (_: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService('adminReport').list(parseOr400(reportListQuerySchema, ctx.query, 'filter'));
  },

  async findOne(ctx: Context) {
    ctx.body = {
      data: await getService('adminReport').detail(
        String(ctx.params.id),
        publicOrigin(getConfig().publicUrl),
      ),
    };
  },

  async update(ctx: Context) {
    const change = parseOr400(reportStateChangeSchema, body(ctx), 'change');
    ctx.body = {
      data: await getService('adminReport').changeState(String(ctx.params.id), change, admin(ctx)),
    };
  },

  async apply(ctx: Context) {
    const input = parseOr400(applySuggestionInputSchema, body(ctx), 'change');
    try {
      ctx.body = {
        data: { report: await getService('adminReport').apply(String(ctx.params.id), input, admin(ctx)) },
      };
    } catch (e) {
      if (e instanceof QuoteGoneError) {
        replyError(ctx, 409, 'ConflictError', e.message);
        return;
      }
      throw e;
    }
  },

  async lessonOptions(ctx: Context) {
    const { locale } = parseOr400(lessonOptionsQuerySchema, ctx.query, 'query');
    ctx.body = { data: await getService('adminReport').lessonOptions(locale) };
  },
});
