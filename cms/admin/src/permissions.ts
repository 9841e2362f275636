import type { Permission } from '@strapi/strapi/admin';

/** The admin actions the server registers for error reports. */
export const PERMISSIONS = {
  readReports: [{ action: 'plugin::lessons.reports.read', subject: null }],
  updateReports: [{ action: 'plugin::lessons.reports.update', subject: null }],
  readAnalytics: [{ action: 'plugin::lessons.analytics.read', subject: null }],
} satisfies Record<string, Permission[]>;
