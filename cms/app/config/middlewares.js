/** @param {import('@strapi/strapi').Core.Config.Shared.ConfigParams} params */
module.exports = ({ env }) => [
  'strapi::logger',
  'strapi::errors',
  {
    name: 'strapi::security',
    config: {
      // The widget, its video and poster are embedded by other sites.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: {
        useDefaults: true,
        directives: { 'media-src': ["'self'", 'data:', 'blob:'], 'img-src': ["'self'", 'data:', 'blob:'] },
      },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // Compared as browsers send an Origin header: lower case, no trailing slash.
      origin: env.array('CORS_ORIGINS', ['*']).map((o) => o.trim().replace(/\/+$/, '').toLowerCase()),
      // No cookies or HTTP auth across origins: the widget sends its JWT in a header
      // (credentials: 'omit'), and the admin's cookies must not be usable from other sites.
      credentials: false,
      headers: ['Content-Type', 'Authorization', 'Origin', 'Accept', 'If-None-Match'],
      expose: ['ETag', 'Retry-After', 'Content-Disposition'],
      keepHeadersOnError: true,
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
