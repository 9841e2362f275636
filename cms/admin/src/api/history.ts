import { useFetchClient, type FetchClient } from '@strapi/strapi/admin';
import {
  reviewClearResponseSchema,
  reviewCountsResponseSchema,
  reviewMarkListResponseSchema,
  revertResponseSchema,
  revisionDetailResponseSchema,
  revisionListResponseSchema,
  type ReviewClearInput,
  type ReviewCount,
  type ReviewMark,
  type RevisionDetail,
  type RevisionListResponse,
} from '@lessons/shared';
import * as React from 'react';
import { expectShape } from './reports';
import { useApiQuery, type ApiQuery } from './useApiQuery';

const BASE = '/lessons';

/** A lesson in one language: its document id and locale. */
export interface LessonLanguage {
  documentId: string;
  locale: string;
}

function historyApi(client: FetchClient) {
  return {
    async revisions(
      lesson: LessonLanguage,
      pageSize: number,
      signal?: AbortSignal,
    ): Promise<RevisionListResponse> {
      const { data } = await client.get(`${BASE}/revisions`, {
        params: { lesson: lesson.documentId, locale: lesson.locale, pageSize },
        signal,
      });
      return expectShape(revisionListResponseSchema, data, 'the transcript history');
    },
    async revision(id: string, signal?: AbortSignal): Promise<RevisionDetail> {
      const { data } = await client.get(`${BASE}/revisions/${encodeURIComponent(id)}`, { signal });
      return expectShape(revisionDetailResponseSchema, data, 'the revision').data;
    },
    async revert(id: string) {
      const { data } = await client.post(`${BASE}/revisions/${encodeURIComponent(id)}/revert`, {});
      return expectShape(revertResponseSchema, data, 'the revert').data;
    },
    async marks(lesson: LessonLanguage, signal?: AbortSignal): Promise<ReviewMark[]> {
      const { data } = await client.get(`${BASE}/review-marks`, {
        params: { lesson: lesson.documentId, locale: lesson.locale },
        signal,
      });
      return expectShape(reviewMarkListResponseSchema, data, 'the paragraphs to review').data;
    },
    async clearMark(input: ReviewClearInput): Promise<number> {
      const { data } = await client.post(`${BASE}/review-marks/clear`, input);
      return expectShape(reviewClearResponseSchema, data, 'the review').data.cleared;
    },
    async counts(signal?: AbortSignal): Promise<{ data: ReviewCount[]; total: number }> {
      const { data } = await client.get(`${BASE}/review-marks/counts`, { signal });
      const parsed = expectShape(reviewCountsResponseSchema, data, 'the paragraphs to review');
      return { data: parsed.data, total: parsed.meta.total };
    },
  };
}

export function useHistoryApi() {
  const client = useFetchClient();
  return React.useMemo(() => historyApi(client), [client]);
}

/** The lesson's revisions, newest first; `version` changes to load them again (after a save). */
export function useRevisions(lesson: LessonLanguage, pageSize: number, version: string) {
  const api = useHistoryApi();
  return useApiQuery(
    (signal) => api.revisions(lesson, pageSize, signal),
    `${lesson.documentId}:${lesson.locale}:${pageSize}:${version}`,
  );
}

export function useRevision(id: string | null): ApiQuery<RevisionDetail | null> {
  const api = useHistoryApi();
  return useApiQuery((signal) => (id ? api.revision(id, signal) : Promise.resolve(null)), id ?? '');
}

/** The paragraphs of this lesson and language whose source changed; `version` reloads them. */
export function useReviewMarks(lesson: LessonLanguage | null, version: string): ApiQuery<ReviewMark[]> {
  const api = useHistoryApi();
  return useApiQuery(
    (signal) => (lesson ? api.marks(lesson, signal) : Promise.resolve([])),
    lesson ? `${lesson.documentId}:${lesson.locale}:${version}` : '',
  );
}

export function useReviewCounts(version = ''): ApiQuery<{ data: ReviewCount[]; total: number }> {
  const api = useHistoryApi();
  return useApiQuery((signal) => api.counts(signal), `counts:${version}`);
}
