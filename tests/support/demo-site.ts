// What most journeys stand on: a real Strapi (demo mode, throwaway SQLite), the demo host page on
// another origin pointed at it, and Debian's Chromium; started once per file, stopped after it.
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startDemoHost } from './demo-host.ts';
import { startStrapi, type TestStrapi } from './strapi.ts';

export interface DemoSite {
  strapi: TestStrapi;
  host: { url: string; stop(): Promise<void> };
  browser: Browser;
}

/**
 * Registers, in the calling `describe`, a `before` that starts the three (Strapi on `port`, the
 * host page on `hostPort`, both shifted by LESSONS_TEST_PORT_OFFSET) and an `after` that stops
 * them. Its fields are set once that `before` has run; `env` goes to Strapi (admin panel served
 * unless it says otherwise).
 */
export function useDemoSite(port: number, hostPort: number, env: Record<string, string> = {}): DemoSite {
  const site = {} as DemoSite;
  before(async () => {
    site.strapi = await startStrapi(port, env);
    site.host = await startDemoHost(hostPort, site.strapi.url);
    site.browser = await launchChromium();
  });
  after(async () => {
    await site.browser?.close();
    await site.host?.stop();
    await site.strapi?.stop();
  });
  return site;
}
