import { z } from 'zod';
import type { FieldError } from '../core/api-error.js';

/** Strapi's error envelope, which every 4xx of the plugin follows. */
export const apiErrorSchema = z.object({
  data: z.null().optional(),
  error: z.object({
    status: z.number().int(),
    name: z.string(),
    message: z.string(),
    details: z
      .object({
        errors: z
          .array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }))
          .optional(),
      })
      .passthrough()
      .optional(),
  }),
});

/** Turns zod issues into the per-field list the API answers with. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message:
      i.code === 'unrecognized_keys'
        ? `Unknown field${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}.`
        : i.message,
  }));
}
