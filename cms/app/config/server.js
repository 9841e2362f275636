const { appKeys, publicUrl } = require('../src/env');

// Secrets and the public URL come from src/env.js: demo values only in demo mode (`npm start`).
/** @param {import('@strapi/strapi').Core.Config.Shared.ConfigParams} params */
module.exports = ({ env }) => ({
  host: env('HOST', '127.0.0.1'),
  port: env.int('PORT', 1337),
  url: publicUrl(),
  // Koa's app.proxy: trust X-Forwarded-For/-Proto/-Host. Only behind a reverse proxy that sets
  // them, else any client could choose its own address (rate limits are keyed by it).
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
  logger: { updates: { enabled: false } },
  app: { keys: appKeys() },
});
