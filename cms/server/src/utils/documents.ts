import type { Core } from '@strapi/strapi';

/** A stored entry as the Document Service returns it; fields depend on the content type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

interface Params {
  documentId?: string;
  locale?: string;
  status?: 'draft' | 'published';
  filters?: Doc;
  populate?: Doc | string[] | '*';
  fields?: string[];
  sort?: string | string[] | Doc;
  start?: number;
  limit?: number;
  data?: Doc;
}

/** The Document Service, typed loosely: this plugin's UIDs are not in Strapi's generated types. */
export interface Documents {
  findMany(params?: Params): Promise<Doc[]>;
  findFirst(params?: Params): Promise<Doc | null>;
  findOne(params: Params & { documentId: string }): Promise<Doc | null>;
  count(params?: Params): Promise<number>;
  create(params: Params & { data: Doc }): Promise<Doc>;
  update(params: Params & { documentId: string; data: Doc }): Promise<Doc | null>;
  publish(params: Params & { documentId: string }): Promise<unknown>;
  delete(params: Params & { documentId: string }): Promise<unknown>;
}

export function documents(strapi: Core.Strapi, uid: string): Documents {
  return (strapi.documents as unknown as (uid: string) => Documents)(uid);
}

/** The Query Engine, for the few reads and atomic updates the Document Service can't express. */
export interface Query {
  findOne(params: Doc): Promise<Doc | null>;
  findMany(params: Doc): Promise<Doc[]>;
  count(params: Doc): Promise<number>;
  update(params: Doc): Promise<Doc | null>;
  updateMany(params: Doc): Promise<{ count: number }>;
}

export function query(strapi: Core.Strapi, uid: string): Query {
  return (strapi.db.query as unknown as (uid: string) => Query)(uid);
}

/** Decimals come back as numbers from SQLite and as strings from PostgreSQL. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

export function iso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' ? new Date(value).toISOString() : new Date(0).toISOString();
}

/** The database (SQLite "UNIQUE constraint failed", PostgreSQL "duplicate key") refused a second row. */
export const isUniqueViolation = (e: unknown): boolean =>
  /unique|duplicate/i.test(String((e as Error)?.message ?? e));
