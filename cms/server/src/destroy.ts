import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Strapi stopping: close what bootstrap opened, so the process can exit. */
export default async (_: { strapi: Core.Strapi }) => {
  getService('reporterMail').stopPurging();
  await getService('redis').close();
};
