// Demo defaults so `npm start` works on a fresh machine; set real secrets in production.
/** @param {import('@strapi/strapi').Core.Config.Shared.ConfigParams} params */
module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  logger: { updates: { enabled: false } },
  app: { keys: env.array('APP_KEYS', ['demoKeyOne', 'demoKeyTwo']) },
});
