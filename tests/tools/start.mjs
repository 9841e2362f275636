// `npm start`: install what is missing, build, start Strapi in demo mode (built-in secrets, the demo
// course and accounts) on SQLite at :1337 and the demo host page at :8080. Ctrl+C stops both.
// A production start is another command: see the README's Production section.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { installPackages } from './ensure.mjs';
import { build } from './build.mjs';
import { root } from './pnpm.mjs';

installPackages();
build();

const { bootStrapi } = await import('../../cms/app/scripts/boot.mjs');
const { demoAccounts } = await import('../../cms/app/src/seed.js');
const cmsPort = Number(process.env.PORT || 1337);
const hostPort = Number(process.env.DEMO_PORT || 8080);

console.log('Starting Strapi…');
const strapi = await bootStrapi({
  port: cmsPort,
  env: { LESSONS_DEMO: 'true' },
  quiet: false,
  timeoutMs: 300_000,
});
const demoServer = join(root, 'widget/demo/serve.mjs');
const host = existsSync(demoServer)
  ? spawn(process.execPath, [demoServer], {
      env: { ...process.env, PORT: String(hostPort), HOST: '127.0.0.1', CMS_URL: strapi.url },
      stdio: 'inherit',
    })
  : null;

const { admin, reader } = demoAccounts();
console.log(`
┌─────────────────────────────────────────────────────────────
│ Lessons demo is running (demo mode: built-in secrets and demo accounts, never for production)
│   Strapi admin   ${strapi.url}/admin   (editor: ${admin.email} / ${admin.password})
│   Lesson API     ${strapi.url}/api/lessons/regaining-social-connection
│   Demo host page ${host ? `http://127.0.0.1:${hostPort}` : '(the widget demo is not built yet)'}   (reader: ${reader.email} / ${reader.password})
│ Ctrl+C stops everything.
└─────────────────────────────────────────────────────────────`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  host?.kill('SIGTERM');
  await strapi.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
strapi.child.on('exit', (code) => {
  if (!stopping) {
    console.error(`Strapi stopped (exit ${code}).`);
    host?.kill('SIGTERM');
    process.exit(code ?? 1);
  }
});
