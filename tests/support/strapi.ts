// One way to boot a test Strapi: the plugin suite's (cms/test/helpers.ts), which boots the app as
// `npm start` does, on a throwaway SQLite file, in demo mode. The journeys here open the admin in a
// browser, so their Strapi serves the admin panel (the plugin suite's leaves it out).
import { startStrapi as startTestStrapi, type TestStrapi } from '../../cms/test/helpers.ts';

export { testPortOffset, type TestStrapi } from '../../cms/test/helpers.ts';

/** cms/test/helpers.ts's startStrapi, with the admin panel served unless `env` says otherwise. */
export function startStrapi(port: number, env: Record<string, string> = {}): Promise<TestStrapi> {
  return startTestStrapi(port, { SERVE_ADMIN_PANEL: 'true', ...env });
}

export async function json<T = unknown>(res: Response): Promise<T> {
  const text = await res.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new Error(`Expected JSON from ${res.url} (${res.status}), got: ${text.slice(0, 300)}`);
  }
}

export async function loginReader(
  url: string,
  identifier = 'reader@example.com',
  password = 'Reader-demo-2026',
): Promise<string> {
  const res = await fetch(`${url}/api/auth/local`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ identifier, password }),
  });
  if (res.status !== 200) throw new Error(`Login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { jwt: string }).jwt;
}
