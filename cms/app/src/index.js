// @ts-check
const { isDemoMode, productionRefusal, seedsDemoCourse } = require('./env');
const { seed } = require('./seed');

module.exports = {
  /**
   * Runs before the database is touched and before the server listens. A refusal exits at once
   * with the message alone: a thrown error would bury it under Strapi's stack trace.
   * @param {{ strapi: any }} ctx
   */
  register({ strapi }) {
    const refusal = productionRefusal();
    if (refusal) {
      strapi.log.error(refusal);
      process.exit(1);
    }
  },
  /** @param {{ strapi: any }} ctx */
  async bootstrap({ strapi }) {
    // Accounts with published passwords exist only in demo mode; SEED_DEMO alone gives the course.
    if (seedsDemoCourse()) await seed(strapi, { accounts: isDemoMode() });
    // `npm run bench` only: routes of its own beside the plugin's (tests/tools/bench-app-routes.cjs).
    if (process.env.LESSONS_BENCH_ROUTES) require(process.env.LESSONS_BENCH_ROUTES)(strapi);
  },
};
