import type { Core } from '@strapi/strapi';
import { stopSurvivingDatabaseOutages } from './middlewares/database-unavailable';
import { getService } from './utils/get-service';

/** Strapi stopping: close what bootstrap opened, so the process can exit. */
export default async (_: { strapi: Core.Strapi }) => {
  getService('reporterMail').stopPurging();
  getService('history').stopPruning();
  stopSurvivingDatabaseOutages();
  await getService('redis').close();
};
