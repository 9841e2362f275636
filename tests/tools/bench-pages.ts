// `npm run bench`, issue 9's page-cost part: Lighthouse on four local article pages (no lesson, the
// script tag, the embed.html fragment, a naive hand-written embed), desktop and mobile.
import type { Browser } from 'playwright-core';

export interface PagesBenchInput {
  browser: Browser;
  hostUrl: string;
  cmsUrl: string;
  chromiumPath: string;
}

/** The page-cost table, as a markdown section. (Being filled in: issue 9.) */
export async function benchPages(_input: PagesBenchInput): Promise<string> {
  return '## Page cost\n\n(not measured yet)\n';
}
