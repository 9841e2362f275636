import type { ChildProcess } from 'node:child_process';

export const appDir: string;
export const strapiBin: string;
export function bootStrapi(options?: {
  port?: number;
  env?: Record<string, string>;
  quiet?: boolean;
  timeoutMs?: number;
}): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void>; output: () => string }>;
