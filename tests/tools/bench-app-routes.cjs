// @ts-check
// Routes `npm run bench` adds to the app it boots (cms/app/src/index.js loads this file when
// LESSONS_BENCH_ROUTES names it; nothing else does):
//  - GET /bench/lessons/:slug?locale=: what a developer would write with Strapi's generic tools
//    instead of the plugin's lesson API: the Document Service's findFirst with populate '*', the
//    document answered as it is (Koa's JSON, no cache, no ETag);
//  - GET /bench/queries: SQL queries the process has run so far (knex's query events), so the
//    bench can state the queries per request of every route, this one and the plugin's alike.

/** @param {any} strapi */
module.exports = (strapi) => {
  let queries = 0;
  strapi.db.connection.on('query', () => {
    queries += 1;
  });
  strapi.server.routes([
    {
      method: 'GET',
      path: '/bench/lessons/:slug',
      config: { auth: false },
      /** @param {any} ctx */
      handler: async (ctx) => {
        const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined;
        ctx.body = await strapi.documents('plugin::lessons.lesson').findFirst({
          filters: { slug: ctx.params.slug },
          locale,
          status: 'published',
          populate: '*',
        });
      },
    },
    {
      method: 'GET',
      path: '/bench/queries',
      config: { auth: false },
      /** @param {any} ctx */
      handler: (ctx) => {
        ctx.body = { queries };
      },
    },
  ]);
};
