import { isFetchError } from '@strapi/strapi/admin';

/** The message to show for a failed request: the server's own words when it gave some. */
export function errorMessage(error: unknown, fallback: string): string {
  if (isFetchError(error)) {
    const message = error.response?.data?.error?.message ?? error.message;
    return message && !/^(Unknown )?Server Error$/.test(message) ? message : fallback;
  }
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** The HTTP status of a failed request, when there was an answer. */
export function errorStatus(error: unknown): number | undefined {
  return isFetchError(error) ? (error.status ?? error.response?.data?.error?.status) : undefined;
}
