// Shared helpers of the plugin's integration tests: a real Strapi (the app in cms/app) per test
// file, on its own port and throwaway SQLite file, and small HTTP helpers around it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { apiErrorSchema, authResponseSchema, type ApiError, type Transcript } from '@lessons/shared';
import { appDir, bootStrapi } from '../app/scripts/boot.mjs';

const require = createRequire(import.meta.url);

export interface TestStrapi {
  url: string;
  stop(): Promise<void>;
  output(): string;
  /** Reads the app's database directly (read-only): what was really stored. */
  query(sql: string): Array<Record<string, unknown>>;
  /** Writes to the app's database directly, behind Strapi's back: to test what it makes of bad stored data. */
  execute(sql: string, ...params: unknown[]): void;
}

type Sqlite = new (
  file: string,
  options: { readonly: boolean },
) => {
  prepare(sql: string): { all(): Array<Record<string, unknown>>; run(...params: unknown[]): unknown };
  close(): void;
};
const openDatabase = (file: string, readonly = true) =>
  new (createRequire(join(appDir, 'package.json'))('better-sqlite3') as Sqlite)(file, { readonly });

function readRows(database: string, sql: string): Array<Record<string, unknown>> {
  const db = openDatabase(database);
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

/** Lets several checkouts or developers run suites side by side: `LESSONS_TEST_PORT_OFFSET=100`. */
export const testPortOffset = () => Number(process.env.LESSONS_TEST_PORT_OFFSET || 0);

/**
 * Boots the app with the plugin (built into cms/dist) in demo mode (demo secrets, course and
 * accounts) on a fresh SQLite file; `env` overrides, e.g. `LESSONS_DEMO: 'false'` for production,
 * or `DATABASE_FILENAME` to start again on a database a previous instance left.
 * On stop, the media this instance's database lists is removed from the shared uploads folder.
 */
export async function startStrapi(port: number, env: Record<string, string> = {}): Promise<TestStrapi> {
  const dir = mkdtempSync(join(tmpdir(), 'lessons-cms-test-'));
  const database = env.DATABASE_FILENAME ?? join(dir, 'data.db');
  const strapi = await bootStrapi({
    port: port + testPortOffset(),
    env: {
      DATABASE_FILENAME: database,
      SERVE_ADMIN_PANEL: 'false',
      STRAPI_TELEMETRY_DISABLED: 'true',
      LESSONS_DEMO: 'true',
      ...env,
    },
  }).catch((error: unknown) => {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  });
  return {
    url: strapi.url,
    output: strapi.output,
    query: (sql) => readRows(database, sql),
    execute(sql, ...params) {
      const db = openDatabase(database, false);
      try {
        db.prepare(sql).run(...params);
      } finally {
        db.close();
      }
    },
    async stop() {
      await strapi.stop();
      removeUploads(database);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function removeUploads(database: string) {
  if (!existsSync(database)) return;
  try {
    const rows = readRows(database, 'SELECT url, formats FROM files') as Array<{
      url: string;
      formats: string | null;
    }>;
    for (const row of rows) {
      const urls = [
        row.url,
        ...Object.values((row.formats ? JSON.parse(row.formats) : {}) as Record<string, { url: string }>).map(
          (f) => f.url,
        ),
      ];
      for (const url of urls)
        if (url?.startsWith('/uploads/')) rmSync(join(appDir, 'public', url), { force: true });
    }
  } catch {
    // Best effort: leftover demo media does no harm.
  }
}

/** A parsed answer: status, headers and body (JSON when it is JSON, else text). */
export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export async function call(
  url: string,
  init: RequestInit & { json?: unknown; token?: string } = {},
): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set('Content-Type', 'application/json');
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  const res = await fetch(url, {
    ...init,
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text) body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body, text };
}

/** Asserts a success status and parses the body with a shared contract. */
export function expectOk<S extends z.ZodType>(answer: Answer, schema: S, status = 200): z.infer<S> {
  assert.equal(
    answer.status,
    status,
    `expected ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`,
  );
  const parsed = schema.safeParse(answer.body);
  assert.ok(
    parsed.success,
    `answer does not satisfy the contract: ${parsed.error?.message}\n${answer.text.slice(0, 800)}`,
  );
  return parsed.data;
}

/** Asserts an error status and Strapi's error envelope with a message; returns the error. */
export function expectError(answer: Answer, status: number): ApiError['error'] {
  assert.equal(
    answer.status,
    status,
    `expected ${status}, got ${answer.status}: ${answer.text.slice(0, 500)}`,
  );
  const error = apiErrorSchema.parse(answer.body).error;
  assert.equal(error.status, status);
  assert.ok(error.message.trim().length > 0, 'the error has a message');
  return error;
}

/** The per-field errors of a 400, as "path: message" keyed by the joined path ('' for the body itself). */
export function fieldErrorsOf(error: ApiError['error']): Map<string, string> {
  const list = error.details?.errors ?? [];
  return new Map(list.map((e) => [e.path.join('.'), e.message]));
}

/** Logs in to the admin panel's API; answers the admin access token. */
export async function adminLogin(
  url: string,
  email = 'editor@example.com',
  password = 'Editor-demo-2026',
): Promise<string> {
  const answer = await call(`${url}/admin/login`, { method: 'POST', json: { email, password } });
  assert.equal(answer.status, 200, answer.text);
  return (answer.body as { data: { token: string } }).data.token;
}

/**
 * A second administrator with Strapi's built-in Editor role, invited by `token`'s administrator
 * and registered as the admin UI does: answers its admin token, its user id and the role's id.
 */
export async function inviteEditor(
  url: string,
  token: string,
  name: { firstname: string; lastname: string },
  password: string,
): Promise<{ token: string; userId: number; roleId: number }> {
  const roles = await call(`${url}/admin/roles`, { token });
  const roleId = (roles.body as { data: Array<{ id: number; code: string }> }).data.find(
    (r) => r.code === 'strapi-editor',
  )!.id;
  const email = `${name.firstname}.${name.lastname}@example.com`.toLowerCase();
  const invited = await call(`${url}/admin/users`, {
    method: 'POST',
    token,
    json: { ...name, email, roles: [roleId] },
  });
  assert.equal(invited.status, 201, invited.text);
  const user = (invited.body as { data: { id: number; registrationToken: string } }).data;
  const registered = await call(`${url}/admin/register`, {
    method: 'POST',
    json: { registrationToken: user.registrationToken, userInfo: { ...name, password } },
  });
  assert.equal(registered.status, 200, registered.text);
  return { token: (registered.body as { data: { token: string } }).data.token, userId: user.id, roleId };
}

/** Sets the plugin actions an admin role may do (Settings → Roles), as the admin UI saves them. */
export async function setRoleActions(url: string, token: string, roleId: number, actions: string[]) {
  const grant = await call(`${url}/admin/roles/${roleId}/permissions`, {
    method: 'PUT',
    token,
    json: {
      permissions: actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] })),
    },
  });
  assert.equal(grant.status, 200, grant.text);
}

/**
 * A new admin role that may do `actions`, added to the roles (`roles`) of administrator `userId`;
 * answers the new role's id.
 */
export async function addRoleWith(
  url: string,
  token: string,
  role: { name: string; description: string; actions: string[] },
  user: { userId: number; roles: number[] },
): Promise<number> {
  const created = await call(`${url}/admin/roles`, {
    method: 'POST',
    token,
    json: { name: role.name, description: role.description },
  });
  assert.equal(created.status, 201, created.text);
  const roleId = (created.body as { data: { id: number } }).data.id;
  await setRoleActions(url, token, roleId, role.actions);
  const assign = await call(`${url}/admin/users/${user.userId}`, {
    method: 'PUT',
    token,
    json: { roles: [...user.roles, roleId] },
  });
  assert.equal(assign.status, 200, assign.text);
  return roleId;
}

export async function readerLogin(
  url: string,
  identifier = 'reader@example.com',
  password = 'Reader-demo-2026',
) {
  const answer = await call(`${url}/api/auth/local`, { method: 'POST', json: { identifier, password } });
  return expectOk(answer, authResponseSchema);
}

export async function registerReader(url: string, name: string) {
  const answer = await call(`${url}/api/auth/local/register`, {
    method: 'POST',
    json: { username: name, email: `${name}@example.com`, password: `${name}-Pass-2026` },
  });
  return expectOk(answer, authResponseSchema);
}

/**
 * A plain HTTP request from a chosen local address (127.0.0.x), so one test can act as several
 * clients; also sends paths exactly as written (no URL normalisation).
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
  },
): Promise<{ status: number; headers: IncomingHttpHeaders; text: string; body: unknown }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { ...(options.body ? { 'Content-Type': 'application/json' } : {}), ...options.headers },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body });
        });
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

// ---- the demo course, as seeded (cms/app/seed/demo-course.json) ----

export type Locale = 'en' | 'es';
export interface SeedText {
  slug: string;
  title: string;
  summary: string;
  video: { file: string; type: string; poster: string; duration: number };
  transcript: Transcript;
}
export interface SeedLesson {
  key: string;
  tags: string[];
  en: SeedText;
  es: SeedText;
}
interface Named {
  slug: string;
  name: string;
}
export interface Seed {
  locales: Locale[];
  defaultLocale: Locale;
  category: Record<Locale, Named>;
  tags: Array<{ key: string; en: Named; es: Named }>;
  course: { en: { slug: string; title: string }; es: { slug: string; title: string }; lessons: string[] };
  lessons: SeedLesson[];
}

export const seed = JSON.parse(readFileSync(join(appDir, 'seed', 'demo-course.json'), 'utf8')) as Seed;

export function seedLesson(key: string): SeedLesson {
  const found = seed.lessons.find((l) => l.key === key);
  assert.ok(found, `seed lesson ${key}`);
  return found;
}

// ---- the W3C WebVTT validator's parser (webvtt-parser, no types of its own) ----

interface VttResult {
  cues: Array<{ id: string; startTime: number; endTime: number; text: string }>;
  errors: Array<{ message: string; line: number }>;
}
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new (entities?: Record<string, string>) => { parse(input: string, mode?: string): VttResult };
};
const htmlEntities = require('webvtt-parser/html-entities.json') as Record<string, string>;

export function validateWebVTT(text: string, mode: 'subtitles' | 'chapters' = 'subtitles'): VttResult {
  return new WebVTTParser(htmlEntities).parse(text, mode);
}

export const sortBy = <T>(list: T[], key: (x: T) => string) =>
  [...list].sort((a, b) => key(a).localeCompare(key(b)));
