import type { z } from 'zod';
import type {
  reviewClearInputSchema,
  reviewCountSchema,
  reviewMarkSchema,
  revisionDetailResponseSchema,
  revisionListQuerySchema,
  revisionListResponseSchema,
  revisionRowSchema,
} from '../schemas/history.js';

/** Why a transcript changed: an editor's save, an applied error report suggestion, or a revert. */
export const REVISION_KINDS = ['save', 'suggestion', 'revert'] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

/** The latest revisions of each lesson and language that pruning never deletes. */
export const REVISIONS_ALWAYS_KEPT = 20;

export type RevisionRow = z.infer<typeof revisionRowSchema>;
export type RevisionListQuery = z.infer<typeof revisionListQuerySchema>;
export type RevisionListResponse = z.infer<typeof revisionListResponseSchema>;
export type RevisionDetail = z.infer<typeof revisionDetailResponseSchema>['data'];
export type ReviewMark = z.infer<typeof reviewMarkSchema>;
export type ReviewClearInput = z.infer<typeof reviewClearInputSchema>;
export type ReviewCount = z.infer<typeof reviewCountSchema>;
