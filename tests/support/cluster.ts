// The production shape on loopback: PostgreSQL and Redis, two Strapi instances sharing them, and
// nginx in front (deploy/nginx/lessons.conf). Used by `npm run cluster` and tests/cluster/.
import { execFileSync, execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bootStrapi } from '../../cms/app/scripts/boot.mjs';
import { startPostgres, type RunningPostgres } from './postgres.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const isRoot = process.getuid?.() === 0;

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const which = (cmd: string) => execSync(`command -v ${cmd}`, { shell: '/bin/sh' }).toString().trim();

/** Debian's nginx and redis-server, installed when absent (as root), as `npm test` does for Chromium. */
export function ensureServers(): { nginx: string; redis: string } {
  const nginxPath = () =>
    existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : has('nginx') ? which('nginx') : null;
  const missing = [nginxPath() ? null : 'nginx', has('redis-server') ? null : 'redis-server'].filter(Boolean);
  if (missing.length) {
    if (!isRoot)
      throw new Error(`Missing ${missing.join(' and ')}: apt-get install -y ${missing.join(' ')} (as root).`);
    console.log(`Installing ${missing.join(' and ')} from Debian packages…`);
    execSync(
      `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`,
      {
        stdio: 'inherit',
        shell: '/bin/bash',
      },
    );
  }
  const nginx = nginxPath();
  if (!nginx) throw new Error('nginx was installed but not found.');
  return { nginx, redis: which('redis-server') };
}

async function waitFor(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs / 1000} s.`);
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((r) => child.once('exit', () => r()));
}

async function terminate(
  child: ChildProcess | null | undefined,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited(child);
  clearTimeout(timer);
}

/** One Redis server on 127.0.0.1:`port`, in memory only. */
class RedisServer {
  private child: ChildProcess | null = null;
  constructor(
    private readonly bin: string,
    readonly port: number,
  ) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const child = spawn(
      this.bin,
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
      ],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    let log = '';
    child.stdout?.on('data', (c) => (log += c));
    child.stderr?.on('data', (c) => (log += c));
    await waitFor(`Redis on port ${this.port}`, () => {
      if (child.exitCode !== null) throw Object.assign(new Error(log), { fatal: true });
      return /Ready to accept connections/.test(log);
    });
  }
  /** Stops it (its counters are lost, as after a crash). */
  async stop(): Promise<void> {
    await terminate(this.child);
    this.child = null;
  }
}

export interface ClusterInstance {
  readonly url: string;
  /** SIGKILL: no shutdown, requests in flight are cut. */
  kill(): Promise<void>;
  /** Starts it again with the same settings; resolves when it answers. */
  start(): Promise<void>;
  running(): boolean;
  stop(): Promise<void>;
  output(): string;
}

export interface Cluster {
  /** nginx: what readers and the widget use. */
  url: string;
  instances: [ClusterInstance, ClusterInstance];
  postgres: RunningPostgres;
  redis: { url: string; stop(): Promise<void>; start(): Promise<void> };
  /** The demo host page pointed at nginx, when asked for. */
  demoUrl?: string;
  /** One SQL statement through psql; its rows, tab-separated. */
  sql(statement: string): string;
  /** nginx's error log, for failed tests. */
  nginxLog(): string;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  /** nginx listens here; the instances on the next two ports; PostgreSQL and Redis on the two after. */
  port: number;
  /** Extra environment of both Strapi instances. */
  env?: Record<string, string>;
  /** Also start the demo host page, pointed at nginx, on this port. */
  demoPort?: number;
  quiet?: boolean;
  /** Told what is starting (`npm run cluster` prints it). */
  log?: (line: string) => void;
}

/**
 * Starts the whole shape and resolves once nginx answers for both instances. The first instance
 * boots alone (it creates the schema and seeds the demo), the second joins it.
 */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const { port, env = {}, quiet = true, log = () => {} } = options;
  const servers = ensureServers();
  const dir = mkdtempSync(join(tmpdir(), 'lessons-cluster-'));
  // nginx's workers run as nobody: they must reach their temporary and cache folders in here.
  chmodSync(dir, 0o755);
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (e) {
        console.error(`While stopping the cluster: ${(e as Error).message}`);
      }
    }
    stops.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    log(`PostgreSQL on 127.0.0.1:${port + 3}…`);
    const postgres = startPostgres(port + 3, 'lessons');
    stops.push(() => postgres.stop());

    log(`Redis on 127.0.0.1:${port + 4}…`);
    const redis = new RedisServer(servers.redis, port + 4);
    await redis.start();
    stops.push(() => redis.stop());

    const url = `http://127.0.0.1:${port}`;
    const instanceEnv: Record<string, string> = {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: postgres.host,
      DATABASE_PORT: String(postgres.port),
      DATABASE_NAME: postgres.database,
      DATABASE_USERNAME: postgres.user,
      DATABASE_PASSWORD: '',
      REDIS_URL: redis.url,
      LESSONS_DEMO: 'true',
      PUBLIC_URL: url,
      TRUST_PROXY: 'true',
      ...env,
    };
    const instances = [port + 1, port + 2].map((instancePort) => {
      let running: Awaited<ReturnType<typeof bootStrapi>> | null = null;
      const instance: ClusterInstance = {
        url: `http://127.0.0.1:${instancePort}`,
        async start() {
          log(`Strapi on 127.0.0.1:${instancePort}…`);
          running = await bootStrapi({ port: instancePort, env: instanceEnv, quiet, timeoutMs: 240_000 });
        },
        async kill() {
          if (running) await terminate(running.child, 'SIGKILL');
        },
        running: () =>
          Boolean(running && running.child.exitCode === null && running.child.signalCode === null),
        async stop() {
          await running?.stop();
        },
        output: () => running?.output() ?? '',
      };
      return instance;
    }) as [ClusterInstance, ClusterInstance];
    for (const instance of instances) {
      stops.push(() => instance.stop());
      await instance.start();
    }

    log(`nginx on ${url}…`);
    const conf = readFileSync(join(root, 'deploy/nginx/lessons.conf'), 'utf8')
      .replaceAll('${LESSONS_UPSTREAM_1}', `127.0.0.1:${port + 1}`)
      .replaceAll('${LESSONS_UPSTREAM_2}', `127.0.0.1:${port + 2}`)
      .replaceAll('${LESSONS_CACHE_DIR}', join(dir, 'cache'))
      .replaceAll('${LESSONS_LISTEN}', `127.0.0.1:${port}`);
    writeFileSync(join(dir, 'lessons.conf'), conf);
    for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
    // What /etc/nginx/nginx.conf would hold, reduced to this folder.
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        'worker_processes 1;',
        `pid ${join(dir, 'nginx.pid')};`,
        `error_log ${join(dir, 'nginx-error.log')} warn;`,
        'events { worker_connections 1024; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  access_log off;',
        ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (t) => `  ${t === 'body' ? 'client_body' : t}_temp_path ${join(dir, t)};`,
        ),
        `  include ${join(dir, 'lessons.conf')};`,
        '}',
        '',
      ].join('\n'),
    );
    const nginx = spawn(
      servers.nginx,
      ['-p', dir, '-e', join(dir, 'nginx-error.log'), '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let nginxOut = '';
    nginx.stdout?.on('data', (c) => (nginxOut += c));
    nginx.stderr?.on('data', (c) => (nginxOut += c));
    stops.push(() => terminate(nginx, 'SIGQUIT'));
    const nginxLog = () =>
      nginxOut +
      (existsSync(join(dir, 'nginx-error.log')) ? readFileSync(join(dir, 'nginx-error.log'), 'utf8') : '');
    await waitFor('nginx', async () => {
      if (nginx.exitCode !== null) throw new Error(nginxLog());
      return (await fetch(`${url}/_health`)).status === 204;
    });

    let demoUrl: string | undefined;
    if (options.demoPort) {
      const demo = spawn(process.execPath, [join(root, 'widget/demo/serve.mjs')], {
        env: { ...process.env, PORT: String(options.demoPort), HOST: '127.0.0.1', CMS_URL: url },
        stdio: 'ignore',
      });
      stops.push(() => terminate(demo));
      demoUrl = `http://127.0.0.1:${options.demoPort}`;
      await waitFor('the demo host page', async () => (await fetch(demoUrl!)).ok);
    }

    const psql = isRoot ? ['runuser', '-u', 'postgres', '--', 'psql'] : ['psql'];
    return {
      url,
      instances,
      postgres,
      redis: { url: redis.url, stop: () => redis.stop(), start: () => redis.start() },
      demoUrl,
      sql: (statement) =>
        execFileSync(
          psql[0]!,
          [
            ...psql.slice(1),
            '-h',
            postgres.host,
            '-p',
            String(postgres.port),
            '-U',
            postgres.user,
            '-d',
            postgres.database,
            '-At',
            '-c',
            statement,
          ],
          {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024,
          },
        ).trim(),
      nginxLog,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
