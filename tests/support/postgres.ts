import { execFile, execFileSync, execSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const isRoot = process.getuid?.() === 0;

function binDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = join(base, v, 'bin');
    if (existsSync(join(dir, 'postgres')) && existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

/** PostgreSQL's server binaries, installed from Debian's packages when absent. */
function ensurePostgres(): string {
  let dir = binDir();
  if (dir) return dir;
  if (!isRoot) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (as root).');
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null',
    {
      stdio: 'inherit',
      shell: '/bin/bash',
    },
  );
  dir = binDir();
  if (!dir)
    throw new Error('PostgreSQL was installed but its binaries were not found under /usr/lib/postgresql.');
  return dir;
}

export interface RunningPostgres {
  host: string;
  port: number;
  user: string;
  database: string;
  /** Fast shutdown (open connections are cut), `gapMs` without a database, then up again; the event loop keeps running. */
  restart(gapMs?: number): Promise<void>;
  /** Fast shutdown, until `resume()`. */
  halt(): Promise<void>;
  resume(): Promise<void>;
  stop(): void;
}

/** A throwaway PostgreSQL cluster on 127.0.0.1:`port` with one empty database. */
export function startPostgres(port = 54329, database = 'lessons'): RunningPostgres {
  const bin = ensurePostgres();
  const dataDir = mkdtempSync(join(tmpdir(), 'lessons-pg-'));
  // PostgreSQL refuses to run as root: as root, run it as the postgres user.
  const asOwner = (cmd: string, args: string[]) =>
    isRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (isRoot) chownSync(dataDir, Number(execSync('id -u postgres')), Number(execSync('id -g postgres')));
  asOwner('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  const startArgs = [
    '-D',
    dataDir,
    '-l',
    join(dataDir, 'server.log'),
    '-w',
    '-o',
    `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ];
  asOwner('pg_ctl', startArgs);
  const asOwnerAsync = (cmd: string, args: string[]) =>
    isRoot
      ? promisify(execFile)('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args])
      : promisify(execFile)(join(bin, cmd), args);
  execFileSync(
    isRoot ? 'runuser' : 'psql',
    [
      ...(isRoot ? ['-u', 'postgres', '--', 'psql'] : []),
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-U',
      'postgres',
      '-c',
      `CREATE DATABASE ${database}`,
    ],
    { stdio: 'pipe' },
  );
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    database,
    async restart(gapMs = 0) {
      await this.halt();
      await new Promise((r) => setTimeout(r, gapMs));
      await this.resume();
    },
    async halt() {
      await asOwnerAsync('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
    async resume() {
      await asOwnerAsync('pg_ctl', startArgs);
    },
    stop() {
      try {
        asOwner('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
