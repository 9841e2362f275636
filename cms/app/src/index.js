// @ts-check
const { assertSafeProduction, isDemoMode, seedsDemoCourse } = require('./env');
const { seed } = require('./seed');

module.exports = {
  // register() runs before the database is touched and before the server listens.
  register() {
    assertSafeProduction();
  },
  /** @param {{ strapi: any }} ctx */
  async bootstrap({ strapi }) {
    // Accounts with published passwords exist only in demo mode; SEED_DEMO alone gives the course.
    if (seedsDemoCourse()) await seed(strapi, { accounts: isDemoMode() });
  },
};
