import { useFetchClient, type FetchClient } from '@strapi/strapi/admin';
import {
  lessonOptionsResponseSchema,
  reportDetailResponseSchema,
  reportListResponseSchema,
  reportRowSchema,
  type ApplySuggestionInput,
  type LessonOption,
  type ReportDetailResponse,
  type ReportListQuery,
  type ReportListResponse,
  type ReportRow,
  type ReportStateChange,
} from '@lessons/shared';
import * as React from 'react';
import { z } from 'zod';
import { useApiQuery, type ApiQuery } from './useApiQuery';

/** The admin routes of the plugin; `useFetchClient` adds the admin URL and the editor's token. */
const BASE = '/lessons';

const rowResponseSchema = z.object({ data: reportRowSchema });
const applyResponseSchema = z.object({ data: z.object({ report: reportRowSchema }) });

export class UnexpectedResponseError extends Error {
  override name = 'UnexpectedResponseError';
}

/** Checks an answer against its shared contract, so a server drifting from it shows up at once. */
export function expectShape<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new UnexpectedResponseError(
    `The server's answer for ${what} is not what this page expects${issue ? ` (${issue.path.join('.') || 'answer'}: ${issue.message})` : ''}.`,
  );
}

export type ReportDetail = ReportDetailResponse['data'];

function reportsApi(client: FetchClient) {
  return {
    async list(query: ReportListQuery, signal?: AbortSignal): Promise<ReportListResponse> {
      const { data } = await client.get(`${BASE}/reports`, { params: query, signal });
      return expectShape(reportListResponseSchema, data, 'the report list');
    },
    async get(id: string, signal?: AbortSignal): Promise<ReportDetail> {
      const { data } = await client.get(`${BASE}/reports/${encodeURIComponent(id)}`, { signal });
      return expectShape(reportDetailResponseSchema, data, 'the report').data;
    },
    async changeState(id: string, body: ReportStateChange): Promise<ReportRow> {
      const { data } = await client.put(`${BASE}/reports/${encodeURIComponent(id)}`, body);
      return expectShape(rowResponseSchema, data, 'the state change').data;
    },
    async applySuggestion(id: string, body: ApplySuggestionInput): Promise<ReportRow> {
      const { data } = await client.post(`${BASE}/reports/${encodeURIComponent(id)}/apply`, body);
      return expectShape(applyResponseSchema, data, 'the applied suggestion').data.report;
    },
    async lessonOptions(signal?: AbortSignal): Promise<LessonOption[]> {
      const { data } = await client.get(`${BASE}/lesson-options`, { signal });
      return expectShape(lessonOptionsResponseSchema, data, 'the lesson list').data;
    },
  };
}

function useReportsApi() {
  const client = useFetchClient();
  return React.useMemo(() => reportsApi(client), [client]);
}

export function useReportList(query: ReportListQuery): ApiQuery<ReportListResponse> {
  const api = useReportsApi();
  return useApiQuery((signal) => api.list(query, signal), JSON.stringify(query));
}

export function useReport(id: string): ApiQuery<ReportDetail> {
  const api = useReportsApi();
  return useApiQuery((signal) => api.get(id, signal), id);
}

/** Every lesson in every language, for the lesson and language filters. */
export function useLessonOptions(): ApiQuery<LessonOption[]> {
  const api = useReportsApi();
  return useApiQuery((signal) => api.lessonOptions(signal), 'lesson-options');
}

/** The changes an editor makes to a report. */
export function useReportActions() {
  const api = useReportsApi();
  return React.useMemo(() => ({ changeState: api.changeState, applySuggestion: api.applySuggestion }), [api]);
}
