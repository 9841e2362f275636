const path = require('path');
const { secret } = require('../src/env');

/** @param {import('@strapi/strapi').Core.Config.Shared.ConfigParams} params */
module.exports = ({ env }) => ({
  lessons: {
    enabled: true,
    // The app's dependency `strapi-plugin-lessons` (the workspace package in cms/), found from here.
    resolve: path.dirname(require.resolve('strapi-plugin-lessons/package.json')),
    config: {
      allowedOrigins: env.array('LESSONS_ALLOWED_ORIGINS', ['*']),
      completionThreshold: env.float('LESSONS_COMPLETION_THRESHOLD', 0.9),
      rateLimits: {
        reportsPerClient: {
          points: env.int('LESSONS_REPORTS_PER_CLIENT', 5),
          duration: env.int('LESSONS_REPORTS_WINDOW', 60),
        },
        reportsPerLesson: {
          points: env.int('LESSONS_REPORTS_PER_LESSON', 60),
          duration: env.int('LESSONS_REPORTS_WINDOW', 60),
        },
        progressPerReader: {
          points: env.int('LESSONS_PROGRESS_PER_READER', 60),
          duration: env.int('LESSONS_PROGRESS_WINDOW', 60),
        },
      },
      progressSlack: env.float('LESSONS_PROGRESS_SLACK', 30),
      cache: {
        entries: env.int('LESSONS_CACHE_ENTRIES', 2000),
        bytes: env.int('LESSONS_CACHE_BYTES', 64 * 1024 * 1024),
        debugHeaders: env.bool('LESSONS_DEBUG_QUERIES', false),
      },
      reporterEmailDays: env.int('LESSONS_REPORTER_EMAIL_DAYS', 30),
      history: {
        keepDays: env.int('LESSONS_HISTORY_DAYS', 365),
        keepRevisions: env.int('LESSONS_HISTORY_REVISIONS', 200),
      },
      preview: {
        seconds: env.int('LESSONS_PREVIEW_SECONDS', 1800),
        ...(env('LESSONS_PREVIEW_URL') ? { url: env('LESSONS_PREVIEW_URL') } : {}),
        ...(env('LESSONS_PREVIEW_SECRET') ? { secret: env('LESSONS_PREVIEW_SECRET') } : {}),
      },
      // Several instances share rate limits and cache invalidation through it; unset for one.
      ...(env('REDIS_URL') ? { redisUrl: env('REDIS_URL') } : {}),
    },
  },
  'users-permissions': {
    config: {
      jwtSecret: secret('JWT_SECRET'),
      jwt: { expiresIn: env('READER_JWT_EXPIRES_IN', '30d') },
      ratelimit: {
        interval: env.int('AUTH_RATELIMIT_INTERVAL', 60000),
        max: env.int('AUTH_RATELIMIT_MAX', 10),
      },
    },
  },
  i18n: { enabled: true },
  // Reporters are told by e-mail when their report is closed, only when an SMTP server is set.
  ...(env('SMTP_HOST')
    ? {
        email: {
          config: {
            provider: 'nodemailer',
            providerOptions: {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              ...(env('SMTP_USER') ? { auth: { user: env('SMTP_USER'), pass: env('SMTP_PASSWORD') } } : {}),
            },
            settings: { defaultFrom: env('MAIL_FROM', 'lessons@localhost') },
          },
        },
      }
    : {}),
});
