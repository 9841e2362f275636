// npm test: the widget's tests, from source, in Debian's Chromium (never a downloaded one),
// against the fixture API (test/fixture-server.mjs) on its own port, i.e. cross-origin.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { vendorDevServerPlugin } from './scripts/build-plugins.mjs';
import { failingChunksMiddleware, failingChunksPlugin } from './test/failing-chunks.mjs';
import { READER, startFixtureServer } from './test/fixture-server.mjs';

const fixture = await startFixtureServer();
const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  rootDir: fileURLToPath(new URL('..', import.meta.url)),
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 3 * 60_000,
  testFramework: { config: { timeout: 30_000 } },
  middleware: [failingChunksMiddleware],
  plugins: [
    failingChunksPlugin(),
    vendorDevServerPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        args: [
          '--headless=new',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--autoplay-policy=no-user-gesture-required',
        ],
      },
    }),
  ],
  // The fixture API's address reaches the tests as a global.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
      <body>
        <script>window.__FIXTURE__ = ${JSON.stringify({ api: fixture.url, reader: READER })};</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
};
