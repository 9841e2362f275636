import type { z } from 'zod';
import type {
  applySuggestionInputSchema,
  lessonOptionSchema,
  reportContextSchema,
  reportCountsSchema,
  reportDetailResponseSchema,
  reportListQuerySchema,
  reportListResponseSchema,
  reportRowSchema,
} from '../schemas/admin-reports.js';

export type ReportRow = z.infer<typeof reportRowSchema>;
export type ReportCounts = z.infer<typeof reportCountsSchema>;
export type ReportListQuery = z.infer<typeof reportListQuerySchema>;
export type ReportListResponse = z.infer<typeof reportListResponseSchema>;
export type ReportContext = z.infer<typeof reportContextSchema>;
export type ReportDetailResponse = z.infer<typeof reportDetailResponseSchema>;
export type ApplySuggestionInput = z.infer<typeof applySuggestionInputSchema>;
export type LessonOption = z.infer<typeof lessonOptionSchema>;
