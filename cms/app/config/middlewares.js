/**
 * The origins of LESSONS_MEDIA_HOSTS, e.g. `https://videos.example.org,https://*.cdn.example.net`.
 * Each must be an origin: anything else could end the CSP directive and start another.
 * @param {import('@strapi/strapi').Core.Config.Shared.ConfigParams['env']} env
 */
function mediaHosts(env) {
  const hosts = env.array('LESSONS_MEDIA_HOSTS', []).map((entry) => String(entry).trim());
  return hosts.filter(Boolean).map((host) => {
    let url = null;
    try {
      url = new URL(host);
    } catch {
      // reported below
    }
    const plain = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*$|^\[[0-9a-f:.]+\]$/i;
    if (
      !url ||
      !/^https?:$/.test(url.protocol) ||
      !plain.test(url.hostname) ||
      url.pathname !== '/' ||
      url.search ||
      url.hash ||
      url.username
    ) {
      throw new Error(
        `LESSONS_MEDIA_HOSTS: "${host}" is not an origin such as https://videos.example.org (scheme and host, no path).`,
      );
    }
    return url.origin;
  });
}

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
        directives: {
          // Editors may give a lesson an external video URL, which the report page plays in the
          // admin: its hosts are allowed as media sources (LESSONS_MEDIA_HOSTS, comma-separated).
          'media-src': ["'self'", 'data:', 'blob:', ...mediaHosts(env)],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
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
