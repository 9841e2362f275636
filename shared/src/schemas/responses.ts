import { z } from 'zod';
import { lessonSchema } from './lesson.js';
import { progressOutputSchema } from './progress.js';
import { errorReportCreatedSchema } from './report.js';

/** Every JSON answer of the plugin wraps its payload in `data`, as Strapi's own API does. */
export const lessonResponseSchema = z.object({ data: lessonSchema });
export const progressResponseSchema = z.object({ data: progressOutputSchema });
export const reportCreatedResponseSchema = z.object({ data: errorReportCreatedSchema });

/** users-permissions' answer to `/api/auth/local` and `/api/auth/local/register`. */
export const authResponseSchema = z.object({
  jwt: z.string(),
  user: z.object({ id: z.number(), username: z.string(), email: z.string() }).passthrough(),
});
