// `npm run bench`, issue 9's payload part: the widget's scripts before interaction and after play
// (gzip and brotli), what each chunk holds, beside the players a site owner would pick instead.
import type { Browser } from 'playwright-core';

export interface PayloadBenchInput {
  browser: Browser;
  hostUrl: string;
  cmsUrl: string;
}

/** The payload table, as a markdown section. (Being filled in: issue 9.) */
export async function benchPayload(_input: PayloadBenchInput): Promise<string> {
  return '## Payload\n\n(not measured yet)\n';
}
