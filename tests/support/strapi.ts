import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// The app's own boot helper: the same way `npm start` runs Strapi.
import { bootStrapi } from '../../cms/app/scripts/boot.mjs';

/** Lets several checkouts or developers run suites side by side: `LESSONS_TEST_PORT_OFFSET=100`. */
export const testPortOffset = () => Number(process.env.LESSONS_TEST_PORT_OFFSET || 0);

export interface TestStrapi {
  url: string;
  stop(): Promise<void>;
  output(): string;
}

/**
 * A real Strapi with the plugin in demo mode (demo secrets, course and accounts), on a fresh SQLite
 * file unless `env` says otherwise (`LESSONS_DEMO: 'false'` for production).
 */
export async function startStrapi(port: number, env: Record<string, string> = {}): Promise<TestStrapi> {
  const dir = mkdtempSync(join(tmpdir(), 'lessons-strapi-'));
  const strapi = await bootStrapi({
    port: port + testPortOffset(),
    env: { DATABASE_FILENAME: join(dir, 'data.db'), LESSONS_DEMO: 'true', ...env },
  });
  return {
    url: strapi.url,
    output: strapi.output,
    async stop() {
      await strapi.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function json<T = unknown>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Expected JSON from ${res.url} (${res.status}), got: ${text.slice(0, 300)}`);
  }
}

export async function loginReader(url: string, identifier = 'reader@example.com', password = 'Reader-demo-2026'): Promise<string> {
  const res = await fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  if (res.status !== 200) throw new Error(`Login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { jwt: string }).jwt;
}
