import type { z } from 'zod';
import type { apiErrorSchema } from '../schemas/api-error.js';

/** Strapi's error envelope, which every 4xx of the plugin follows. */
export type ApiError = z.infer<typeof apiErrorSchema>;

/** One wrong field of a request, as a 400 lists them in `details.errors`. */
export interface FieldError {
  path: Array<string | number>;
  message: string;
}
