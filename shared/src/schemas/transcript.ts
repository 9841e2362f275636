import { z } from 'zod';

/** Seconds into the video, as a finite non-negative number. */
export const secondsSchema = z.number().finite().nonnegative();

export const paragraphIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A paragraph id is 1–64 letters, digits, "-" or "_".');

export const paragraphSchema = z
  .object({
    id: paragraphIdSchema,
    text: z.string().trim().min(1, 'A paragraph needs some text.').max(20_000),
    start: secondsSchema.optional(),
    end: secondsSchema.optional(),
  })
  .strict()
  .refine((p) => (p.start === undefined) === (p.end === undefined), {
    message: 'A paragraph has both a start and an end time, or neither.',
  })
  .refine((p) => p.start === undefined || p.end === undefined || p.end > p.start, {
    message: 'A paragraph must end after it starts.',
    path: ['end'],
  });

export const sectionSchema = z
  .object({
    /** Empty for the opening paragraphs that stand before the first heading. */
    heading: z.string().max(300),
    paragraphs: z.array(paragraphSchema).min(1, 'A section needs at least one paragraph.'),
  })
  .strict();

export const transcriptSchema = z
  .object({ sections: z.array(sectionSchema).max(500) })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, si) =>
      s.paragraphs.forEach((p, pi) => {
        if (seen.has(p.id)) {
          ctx.addIssue({
            code: 'custom',
            message: `Paragraph id "${p.id}" is used twice; each paragraph needs its own id.`,
            path: ['sections', si, 'paragraphs', pi, 'id'],
          });
        }
        seen.add(p.id);
      }),
    );
  });
