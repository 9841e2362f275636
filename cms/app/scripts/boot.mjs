// Starts this Strapi app as a child process and waits until it answers. Used by `npm start`, the
// plugin's integration tests and the end-to-end tests (each with its own database file and port).
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const strapiBin = resolve(appDir, '../../node_modules/@strapi/strapi/bin/strapi.js');

/**
 * @param {{ port?: number, env?: Record<string, string>, quiet?: boolean, timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, stop: () => Promise<void>, output: () => string }>}
 */
export async function bootStrapi({ port = 1337, env = {}, quiet = true, timeoutMs = 120_000 } = {}) {
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [strapiBin, 'start'], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
      BROWSER: 'none',
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk) => {
    log += chunk;
    if (log.length > 200_000) log = log.slice(-100_000);
    if (!quiet) process.stdout.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const stop = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`Strapi exited (code ${child.exitCode}) while starting:\n${log.slice(-4000)}`);
    try {
      const res = await fetch(`${url}/_health`);
      if (res.status === 204) return { url, child, stop, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`Strapi did not answer at ${url} within ${timeoutMs / 1000} s:\n${log.slice(-4000)}`);
}
