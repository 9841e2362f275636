import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lessonListSchema } from '@lessons/shared';
import { DEMO_SECRETS } from '../app/src/env.js';
import {
  adminLogin,
  call,
  expectError,
  expectOk,
  rawRequest,
  readerLogin,
  registerReader,
  startStrapi,
  type TestStrapi,
} from './helpers.ts';

/**
 * A production start of the app (NODE_ENV=production, as every test boot), with and without demo
 * mode: what it refuses to start with, what it seeds, and what a hostile request can't make it say.
 */
const PORT = 1420;
const SECRET_NAMES = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;
const PUBLIC_URL = 'https://lessons.example.org';
const SLUG = 'regaining-social-connection';

const made = () => randomBytes(32).toString('base64');
/** Production as the README says to run it: real secrets, PUBLIC_URL, no demo mode. */
const production = (): Record<string, string> => ({
  LESSONS_DEMO: 'false',
  APP_KEYS: `${made()},${made()}`,
  ADMIN_JWT_SECRET: made(),
  API_TOKEN_SALT: made(),
  TRANSFER_TOKEN_SALT: made(),
  JWT_SECRET: made(),
  ENCRYPTION_KEY: made(),
  PUBLIC_URL,
});

const temporaryDir = () => mkdtempSync(join(tmpdir(), 'lessons-production-'));

/** Starting must fail: answers the output Strapi left, after checking it stopped on its own. */
async function refusedStart(env: Record<string, string>): Promise<string> {
  const started = await startStrapi(PORT, env).then(
    async (strapi) => {
      await strapi.stop();
      return null;
    },
    (error: Error) => error.message,
  );
  assert.ok(started !== null, 'Strapi started, but it should have refused');
  assert.match(started, /exited \(code 1\)/);
  return started;
}

/** An HS256 JWT signed with `secret`, as anyone who read the demo secret could make one. */
function signedToken(payload: Record<string, unknown>, secret: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

const count = (strapi: TestStrapi, sql: string) => Number(Object.values(strapi.query(sql)[0] ?? {})[0]);

/** The same request with a forged Host header, as a cache poisoner would send it. */
const withForgedHost = (strapi: TestStrapi, path: string) =>
  rawRequest(strapi.url, { path, headers: { Host: 'evil.test' } });

describe('production refuses to start unsafely', () => {
  it('without secrets or PUBLIC_URL: exits before touching the database, naming every variable and how to make one', async () => {
    const dir = temporaryDir();
    try {
      const database = join(dir, 'data.db');
      const missing = Object.fromEntries([...SECRET_NAMES, 'PUBLIC_URL'].map((name) => [name, '']));
      const output = await refusedStart({ ...missing, LESSONS_DEMO: 'false', DATABASE_FILENAME: database });
      for (const name of SECRET_NAMES) assert.match(output, new RegExp(`${name} is missing`));
      assert.match(output, /PUBLIC_URL is missing/);
      assert.match(output, /openssl rand -base64 32/);
      assert.equal(existsSync(database), false, 'nothing was written before refusing');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with one secret left at its built-in demo value: names that one only', async () => {
    const output = await refusedStart({ ...production(), JWT_SECRET: DEMO_SECRETS.JWT_SECRET });
    assert.match(output, /JWT_SECRET is a built-in demo value/);
    for (const name of SECRET_NAMES.filter((n) => n !== 'JWT_SECRET'))
      assert.doesNotMatch(output, new RegExp(`${name} is`));
    assert.doesNotMatch(output, /PUBLIC_URL is/);
  });

  it('with an allowed origin that is not an origin: names the value', async () => {
    const output = await refusedStart({
      ...production(),
      LESSONS_ALLOWED_ORIGINS: 'https://ok.example,partner.example,https://x.example/page',
    });
    assert.match(output, /allowedOrigins\.1 "partner\.example" must be "\*" or an origin/);
    assert.match(output, /allowedOrigins\.2 "https:\/\/x\.example\/page" must be "\*" or an origin/);
    assert.doesNotMatch(output, /"https:\/\/ok\.example"/);
  });
});

describe('a production install (real secrets, PUBLIC_URL)', () => {
  const dir = temporaryDir();
  const database = join(dir, 'data.db');
  const env = {
    ...production(),
    DATABASE_FILENAME: database,
    // Written as a person might: upper case and a trailing slash.
    LESSONS_ALLOWED_ORIGINS: 'HTTPS://Partner.Example/,https://other.example:8443',
  };
  let strapi: TestStrapi | undefined;
  const running = () => {
    assert.ok(strapi, 'Strapi is running');
    return strapi;
  };
  let reader: { jwt: string; id: number };

  after(async () => {
    await strapi?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('on an empty database', () => {
    before(async () => {
      strapi = await startStrapi(PORT, env);
    });
    after(async () => {
      await strapi?.stop();
      strapi = undefined;
    });

    it('boots with no admin, no reader and no lesson', async () => {
      const s = running();
      assert.equal(count(s, 'SELECT COUNT(*) FROM admin_users'), 0);
      assert.equal(count(s, 'SELECT COUNT(*) FROM up_users'), 0);
      assert.equal(count(s, 'SELECT COUNT(*) FROM lessons_lessons'), 0);
      assert.equal(expectOk(await call(`${s.url}/api/lessons`), lessonListSchema).meta.pagination.total, 0);
      await assert.rejects(readerLogin(s.url), /expected 200, got 400/);
      // A reader of this site, for the token tests below.
      const registered = await registerReader(s.url, 'realreader');
      reader = { jwt: registered.jwt, id: registered.user.id };
    });

    it('answers a CORS preflight from another site without allowing credentials', async () => {
      for (const path of ['/api/lessons', '/admin/login', '/admin/renew-token']) {
        const answer = await call(`${running().url}${path}`, {
          method: 'OPTIONS',
          headers: {
            Origin: 'https://evil.example',
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type',
          },
        });
        assert.ok(answer.status < 400, `${path}: preflight ${answer.status}`);
        assert.notEqual(
          answer.headers.get('access-control-allow-credentials'),
          'true',
          `${path} allows credentials`,
        );
      }
    });

    it('honours the allow-list written with upper case and a trailing slash, and refuses other sites', async () => {
      const from = (origin: string) => call(`${running().url}/api/lessons`, { headers: { Origin: origin } });
      expectOk(await from('https://partner.example'), lessonListSchema);
      expectOk(await from('https://other.example:8443'), lessonListSchema);
      assert.match(
        expectError(await from('https://evil.example'), 403).message,
        /Pages on https:\/\/evil\.example are not allowed/,
      );
      expectError(await from('https://other.example'), 403);
    });
  });

  describe('started again with SEED_DEMO=true', () => {
    before(async () => {
      strapi = await startStrapi(PORT, { ...env, SEED_DEMO: 'true' });
    });

    it('seeds the demo course but creates no account', async () => {
      const s = running();
      assert.equal(expectOk(await call(`${s.url}/api/lessons`), lessonListSchema).meta.pagination.total, 4);
      assert.equal(count(s, 'SELECT COUNT(*) FROM admin_users'), 0);
      assert.deepEqual(
        s.query('SELECT email FROM up_users').map((row) => row.email),
        ['realreader@example.com'],
      );
    });

    it('refuses a reader token signed with the demo JWT secret', async () => {
      const progress = `${running().url}/api/lessons/${SLUG}/progress`;
      const forged = signedToken(
        { id: reader.id, iat: Math.floor(Date.now() / 1000) },
        DEMO_SECRETS.JWT_SECRET,
      );
      expectError(await call(progress, { token: forged }), 401);
      expectError(await call(`${running().url}/api/users/me`, { token: forged }), 401);
      // The reader's own token, signed with this install's secret, still works.
      assert.equal((await call(progress, { token: reader.jwt })).status, 200);
    });

    it('builds media and embed URLs from PUBLIC_URL, whatever the Host header says', async () => {
      const s = running();
      for (const path of [`/api/lessons/${SLUG}`, `/api/lessons/${SLUG}/embed.html`, '/api/lessons']) {
        const answer = await withForgedHost(s, path);
        assert.equal(answer.status, 200, `${path}: ${answer.text.slice(0, 300)}`);
        assert.ok(answer.text.includes(`${PUBLIC_URL}/uploads/`), `${path} has media URLs under PUBLIC_URL`);
        assert.doesNotMatch(answer.text, /evil\.test/, path);
      }
      assert.match(
        (await withForgedHost(s, `/api/lessons/${SLUG}/embed.html`)).text,
        new RegExp(`api="${PUBLIC_URL}"`),
      );
    });
  });
});

describe('demo mode (LESSONS_DEMO=true, as npm start runs it)', () => {
  const dir = temporaryDir();
  const database = join(dir, 'data.db');
  let strapi: TestStrapi | undefined;
  const running = () => {
    assert.ok(strapi, 'Strapi is running');
    return strapi;
  };

  before(async () => {
    strapi = await startStrapi(PORT, { DATABASE_FILENAME: database });
  });
  after(async () => {
    await strapi?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds URLs from its own address, not from the Host header', async () => {
    const s = running();
    for (const path of [`/api/lessons/${SLUG}`, `/api/lessons/${SLUG}/embed.html`]) {
      const answer = await withForgedHost(s, path);
      assert.equal(answer.status, 200, path);
      assert.ok(answer.text.includes(`${s.url}/uploads/`), `${path} has media URLs under ${s.url}`);
      assert.doesNotMatch(answer.text, /evil\.test/, path);
    }
  });

  it('does not bring back a demo reader an editor deleted, nor add a second admin, on the next start', async () => {
    const s = running();
    const editor = await adminLogin(s.url);
    const users = '/content-manager/collection-types/plugin::users-permissions.user';
    const found = await call(`${s.url}${users}?filters[email][$eq]=reader@example.com`, { token: editor });
    assert.equal(found.status, 200, found.text);
    const documentId = (found.body as { results: Array<{ documentId: string }> }).results[0]?.documentId;
    assert.ok(documentId, 'the demo reader was seeded');
    const deleted = await call(`${s.url}${users}/${documentId}`, { method: 'DELETE', token: editor });
    assert.equal(deleted.status, 200, deleted.text);
    await s.stop();

    strapi = await startStrapi(PORT, { DATABASE_FILENAME: database });
    const again = running();
    assert.equal(count(again, "SELECT COUNT(*) FROM up_users WHERE email = 'reader@example.com'"), 0);
    await assert.rejects(readerLogin(again.url), /expected 200, got 400/);
    assert.equal(count(again, 'SELECT COUNT(*) FROM admin_users'), 1);
    await adminLogin(again.url);
    assert.equal(expectOk(await call(`${again.url}/api/lessons`), lessonListSchema).meta.pagination.total, 4);
  });
});
