const { secret } = require('../src/env');

/** @param {import('@strapi/strapi').Core.Config.Shared.ConfigParams} params */
module.exports = ({ env }) => ({
  auth: { secret: secret('ADMIN_JWT_SECRET') },
  apiToken: { salt: secret('API_TOKEN_SALT') },
  transfer: { token: { salt: secret('TRANSFER_TOKEN_SALT') } },
  secrets: { encryptionKey: secret('ENCRYPTION_KEY') },
  flags: { nps: false, promoteEE: false },
  serveAdminPanel: env.bool('SERVE_ADMIN_PANEL', true),
  // The Content Manager's Preview: a lesson's draft in the real widget, on the plugin's page or on
  // the host page of LESSONS_PREVIEW_URL (which the admin may then frame).
  preview: {
    enabled: true,
    config: {
      allowedOrigins: ["'self'", ...previewOrigin(env('LESSONS_PREVIEW_URL'))],
      /** @param {string} uid @param {{ documentId?: string, locale?: string | null, status?: 'draft' | 'published' | null }} params */
      handler: (uid, params) => global.strapi.plugin('lessons').service('preview').url(uid, params),
    },
  },
});

/** @param {string | undefined} url @returns {string[]} */
function previewOrigin(url) {
  try {
    return url ? [new URL(url).origin] : [];
  } catch {
    return []; // the plugin's config check names the bad value
  }
}
