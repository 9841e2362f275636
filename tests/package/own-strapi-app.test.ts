import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { testPortOffset } from '../support/strapi.ts';

/**
 * The plugin as someone else installs it: packed into a tarball (not the workspace link), added to
 * a Strapi app written by hand in a temporary folder from the README's "Install into your Strapi
 * app" section alone (nothing of cms/app), installed with pnpm from its store, built, booted on
 * SQLite, and looked at through its public API, its widget file and its admin.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const PNPM = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string })
  .packageManager;
const PORT = 1426 + testPortOffset();
const ADMIN = { email: 'owner@example.org', password: 'Owner-app-2026', firstname: 'Owner' };
const PLUGIN_TYPES = ['category', 'course', 'error-report', 'lesson', 'progress', 'tag'].map(
  (name) => `plugin::lessons.${name}`,
);
const SECRETS = {
  APP_KEYS: 'own-app-key-1,own-app-key-2',
  ADMIN_JWT_SECRET: 'own-app-admin-jwt-secret',
  API_TOKEN_SALT: 'own-app-api-token-salt',
  TRANSFER_TOKEN_SALT: 'own-app-transfer-token-salt',
  ENCRYPTION_KEY: 'own-app-encryption-key-0123456789',
  JWT_SECRET: 'own-app-jwt-secret',
};

/** The files the README tells a person to write: each `**`path`**` line followed by a code block. */
function readmeApp(): { files: Map<string, string>; section: string } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = /^## Install into your Strapi app\n([\s\S]*?)(?=^## )/m.exec(readme)?.[1];
  assert.ok(section, 'the README has a section "Install into your Strapi app"');
  const files = new Map<string, string>();
  for (const m of section.matchAll(/^\*\*`([^`]+)`\*\*[^\n]*\n(?:[^\n`][^\n]*\n)*\n```\w*\n([\s\S]*?)^```/gm))
    files.set(m[1]!, m[2]!);
  return { files, section };
}

/** Runs a command to its end within `minutes`; throws with the tail of its output when it fails. */
function run(cmd: string, args: string[], cwd: string, minutes: number, env: NodeJS.ProcessEnv = {}) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', npm_config_update_notifier: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), minutes * 60_000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else
        reject(
          new Error(`${cmd} ${args.join(' ')} ended with ${signal ?? code} in ${cwd}:\n${out.slice(-4000)}`),
        );
    });
  });
}

/**
 * Loads the app as `strapi start` does, creates and publishes one lesson through the Document
 * Service, then listens, printing one JSON line: the plugin's content types and the lesson.
 */
const BOOT_WITH_LESSON = `
const { createStrapi } = require('@strapi/strapi');
(async () => {
  const app = createStrapi({ appDir: process.cwd(), distDir: process.cwd() });
  await app.load();
  const lessons = app.documents('plugin::lessons.lesson');
  const { documentId } = await lessons.create({
    locale: 'en',
    data: {
      title: 'Installed elsewhere',
      slug: 'installed-elsewhere',
      summary: 'A lesson of an app that is not cms/app.',
      videoUrl: 'https://videos.example.org/installed-elsewhere.mp4',
      duration: 30,
      transcript: { sections: [{ heading: 'Start', paragraphs: [{ id: 'p1', text: 'It runs in any Strapi app.', start: 0, end: 4 }] }] },
    },
  });
  await lessons.publish({ documentId, locale: 'en' });
  await app.listen();
  console.log('READY ' + JSON.stringify({ contentTypes: Object.keys(app.contentTypes), documentId }));
})().catch((error) => { console.error(error); process.exit(1); });
`;

describe('the packed plugin in a Strapi app of ones own', () => {
  let work: string;
  let appDir: string;
  let server: ChildProcess | undefined;
  let ready: { contentTypes: string[]; documentId: string };
  let browser: Browser | undefined;
  const url = `http://127.0.0.1:${PORT}`;
  const timings: string[] = [];
  const timed = async <T>(what: string, step: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    const result = await step();
    timings.push(`${what} ${((Date.now() - start) / 1000).toFixed(1)} s`);
    console.log(`# own app: ${timings.at(-1)}`);
    return result;
  };

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'lessons-own-app-'));
    appDir = join(work, 'my-strapi-app');
    const { files, section } = readmeApp();
    // The commands the README gives, which this test runs (through `run` and mkdir below).
    for (const command of [
      'cd cms && npx -y pnpm@12.4.2 pack',
      'mkdir -p public/uploads',
      'npx -y pnpm@12.4.2 install',
      'npx -y pnpm@12.4.2 exec strapi build',
      'npx -y pnpm@12.4.2 exec strapi start',
    ])
      assert.ok(section.includes(command), `the README says: ${command}`);
    assert.equal(PNPM, 'pnpm@12.4.2', 'the README names the pinned pnpm');
    for (const [path, content] of files) {
      mkdirSync(dirname(join(appDir, path)), { recursive: true });
      writeFileSync(join(appDir, path), content);
    }
    const pkg = JSON.parse(files.get('package.json') ?? '{}') as { dependencies?: Record<string, string> };
    const tarball = /^file:\.\/(.+\.tgz)$/.exec(pkg.dependencies?.['strapi-plugin-lessons'] ?? '')?.[1];
    assert.ok(tarball, 'package.json depends on the packed tarball (file:./….tgz)');

    await timed('pack', () =>
      run('npx', ['-y', PNPM, 'pack', '--pack-destination', work], join(root, 'cms'), 2),
    );
    const packed = readdirSync(work).filter((f) => f.endsWith('.tgz'));
    assert.deepEqual(packed, [tarball], 'pnpm pack wrote the tarball the README names');
    copyFileSync(join(work, tarball), join(appDir, tarball));
    mkdirSync(join(appDir, 'public', 'uploads'), { recursive: true });

    // From pnpm's store on this machine (what the workspace install left there), else the registry.
    await timed('install', () =>
      run('npx', ['-y', PNPM, 'install', '--prefer-offline', '--reporter=append-only'], appDir, 4, {
        CI: 'true',
      }),
    );
    await timed('admin build', () =>
      run('npx', ['-y', PNPM, 'exec', 'strapi', 'build'], appDir, 5, { NODE_ENV: 'production' }),
    );

    server = spawn(process.execPath, ['-e', BOOT_WITH_LESSON], {
      cwd: appDir,
      env: {
        ...process.env,
        ...SECRETS,
        NODE_ENV: 'production',
        STRAPI_TELEMETRY_DISABLED: 'true',
        HOST: '127.0.0.1',
        PORT: String(PORT),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    ready = await timed(
      'boot',
      () =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error(`No answer within 2 min:\n${log.slice(-4000)}`)),
            120_000,
          );
          const read = (chunk: Buffer) => {
            log += chunk.toString();
            const line = /^READY (.*)$/m.exec(log)?.[1];
            if (line) {
              clearTimeout(timer);
              resolve(JSON.parse(line) as { contentTypes: string[]; documentId: string });
            }
          };
          server!.stdout!.on('data', read);
          server!.stderr!.on('data', read);
          server!.once('exit', (code) => {
            clearTimeout(timer);
            reject(new Error(`The app exited (${code}) while starting:\n${log.slice(-4000)}`));
          });
        }),
    );
  });

  after(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('is written from the README alone: package.json, pnpm-workspace.yaml and the config files', () => {
    const { files } = readmeApp();
    assert.deepEqual([...files.keys()].sort(), [
      'config/admin.js',
      'config/database.js',
      'config/middlewares.js',
      'config/plugins.js',
      'config/server.js',
      'package.json',
      'pnpm-workspace.yaml',
    ]);
  });

  it('has the plugin content types', (t) => {
    t.diagnostic(timings.join(', '));
    for (const uid of PLUGIN_TYPES) assert.ok(ready.contentTypes.includes(uid), uid);
  });

  it('answers on the public API with the lesson created through the Document Service', async () => {
    const res = await fetch(`${url}/api/lessons/installed-elsewhere?locale=en`);
    assert.equal(res.status, 200);
    const { data } = (await res.json()) as {
      data: { title: string; documentId?: string; transcript: unknown };
    };
    assert.equal(data.title, 'Installed elsewhere');
    assert.match(JSON.stringify(data.transcript), /It runs in any Strapi app\./);
    const list = (await (await fetch(`${url}/api/lessons?locale=en`)).json()) as {
      data: Array<{ slug: string }>;
    };
    assert.deepEqual(
      list.data.map((l) => l.slug),
      ['installed-elsewhere'],
    );
  });

  it('serves the widget from the tarball: widget.js and the chunks it loads', async () => {
    const res = await fetch(`${url}/api/lessons/widget.js`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /javascript/);
    // The loader imports widget/define.js beside itself, which imports the content-hashed chunks.
    assert.match(await res.text(), /widget\//);
    const define = await fetch(`${url}/api/lessons/widget/define.js`);
    assert.equal(define.status, 200);
    // Content hashes may hold '-' or '_': the name is whatever define.js imports from beside itself.
    const chunk = /from\s*["']\.\/([^"']+\.js)["']/.exec(await define.text())?.[1];
    assert.ok(chunk, 'define.js imports a chunk');
    assert.equal((await fetch(`${url}/api/lessons/widget/${chunk}`)).status, 200, chunk);
  });

  it("opens the admin: the first administrator logs in and sees the plugin's Error reports page", async () => {
    const registered = await fetch(`${url}/admin/register-admin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    assert.equal(registered.status, 200, await registered.clone().text());
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${url}/admin`);
    await page.getByLabel(/^Email/).fill(ADMIN.email);
    await page.getByLabel(/^Password/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Error reports' }).click();
    await page.getByRole('heading', { name: 'Error reports', level: 1 }).waitFor();
    await page.goto(`${url}/admin/content-manager/collection-types/plugin::lessons.lesson`);
    await page.getByText('Installed elsewhere').first().waitFor();
  });
});
