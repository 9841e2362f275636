// docs/benchmarks.md: what `npm run bench` measured last, with the machine it ran on. Each part of
// the bench (payload, page cost, API, writes, memory) hands in one markdown section; this file adds
// the heading and the machine, and writes them all at once so the document is never half old.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCHMARKS_DOC = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'docs',
  'benchmarks.md',
);

/** `chromium --version` of the browser the bench drives, or why it is unknown. */
function chromiumVersion(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch (e) {
    return `unknown (${path}: ${(e as Error).message.split('\n')[0]})`;
  }
}

function processorCount(): string {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return String(cpus().length);
  }
}

/** The lines that say when and where the figures were taken. */
export function machineDescription(now = new Date()): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown processor';
  return [
    `- Date: ${now.toISOString().replace(/\.\d+Z$/, 'Z')}`,
    `- Machine: ${processorCount()} processors (\`nproc\`; ${cpu}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory, ${process.platform} ${process.arch}`,
    `- Node ${process.version}; ${chromiumVersion()}`,
  ].join('\n');
}

/** A markdown table: `rows` are cells already written as text; `|` in a cell is escaped. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Writes docs/benchmarks.md from the sections in the order given (each a markdown string that
 * starts with its own `## ` heading). A section that failed is given as its error, so the
 * document says what is missing instead of dropping it silently.
 */
export function writeBenchmarksDoc(sections: string[], path = BENCHMARKS_DOC): string {
  const text = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (tests/tools/bench-run.ts); regenerate it rather than editing it.',
    'All servers run on loopback on the machine below, one run; the figures are from that run only.',
    '',
    machineDescription(),
    '',
    ...sections.map((s) => `${s.trim()}\n`),
  ].join('\n');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

/** Runs one part of the bench; its failure becomes a section saying so (the other parts still run). */
export async function benchSection(title: string, part: () => Promise<string>): Promise<string> {
  try {
    return await part();
  } catch (e) {
    console.error(`${title} failed:`, e);
    return `## ${title}\n\nNot measured in this run: ${(e as Error).message}`;
  }
}
