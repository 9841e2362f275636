// @ts-check
const { seed } = require('./seed');

module.exports = {
  register() {},
  /** @param {{ strapi: any }} ctx */
  async bootstrap({ strapi }) {
    if (process.env.SEED_DEMO !== 'false') await seed(strapi);
  },
};
