import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testPortOffset } from './strapi.ts';

const serve = fileURLToPath(new URL('../../widget/demo/serve.mjs', import.meta.url));

/** The demo host page (another origin than Strapi) that embeds the widget with one script tag. */
export async function startDemoHost(
  basePort: number,
  cmsUrl: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = basePort + testPortOffset();
  const child: ChildProcess = spawn(process.execPath, [serve], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', CMS_URL: cmsUrl },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}
