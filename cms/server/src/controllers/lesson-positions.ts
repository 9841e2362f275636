import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { z } from 'zod';
import { localeSchema } from '@lessons/shared';
import { coursePositions } from '../utils/course-positions';
import { parseOr400 } from '../utils/http';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /lessons/lesson-positions?locale=: each lesson's place in its course ("2 of 4"), by documentId. */
  async find(ctx: Context) {
    const { locale } = parseOr400(z.object({ locale: localeSchema }), ctx.query, 'query');
    ctx.body = { data: await coursePositions(strapi, locale) };
  },
});
