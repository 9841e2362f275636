import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it, type TestContext } from 'node:test';
import {
  lessonListSchema,
  lessonResponseSchema,
  progressResponseSchema,
  type Segment,
} from '@lessons/shared';
import { startCluster, type Cluster } from '../support/cluster.ts';
import { testPortOffset } from '../support/strapi.ts';
import { expectedProgress, interleave, runLoad, send, type LoadOutcome, type Write } from './load.ts';

// Two instances behind nginx on one PostgreSQL and one Redis: what one instance does, the other
// sees; writes survive an instance killed mid-load, Redis stopped and PostgreSQL restarted.

const REPORTS_PER_CLIENT = 100;
const LOAD = { reports: 2000, progress: 2000, connections: 50 };
// Each fault strikes while the whole load runs, once at least 500 writes are acknowledged and at
// least 500 are still to send.
const FAULT_LOAD = LOAD;
const READERS_PER_RUN = 10;

describe('two instances behind nginx, on PostgreSQL and Redis', () => {
  let cluster: Cluster;
  let lessons: Array<{ id: string; slug: string; locale: string }>;
  const figures: string[] = [];

  before(async () => {
    cluster = await startCluster({
      port: 1450 + testPortOffset(),
      env: {
        SERVE_ADMIN_PANEL: 'false',
        // Each load connection is its own client (its own loopback address) and sends 40 reports
        // per run, plus re-sends: this keeps the limit in the way of a flood, not of the load.
        LESSONS_REPORTS_PER_CLIENT: String(REPORTS_PER_CLIENT),
        // A reader's PUTs here come far faster than a player's (every ~15 s), and credit far more
        // watching than the seconds since the reader opened the lesson: that is the point of the
        // load, so the per-reader limit and the credited-time allowance are lifted.
        LESSONS_PROGRESS_PER_READER: '100000',
        LESSONS_PROGRESS_SLACK: '86400',
        // The load's readers are registered through the API.
        AUTH_RATELIMIT_MAX: '1000',
      },
    });
    const list = lessonListSchema.parse(
      await (await fetch(`${cluster.url}/api/lessons?locale=en&pageSize=50`)).json(),
    ).data;
    const es = lessonListSchema.parse(
      await (await fetch(`${cluster.url}/api/lessons?locale=es&pageSize=50`)).json(),
    ).data;
    lessons = [...list, ...es].map(({ id, slug, locale }) => ({ id, slug, locale }));
    assert.equal(lessons.length, 8, 'the demo course: 4 lessons in 2 languages');
  });

  after(async () => {
    for (const line of figures) console.log(line);
    await cluster?.stop();
  });

  const [a, b] = [0, 1] as const;
  const instance = (i: 0 | 1) => cluster.instances[i].url;

  async function register(name: string): Promise<{ id: number; jwt: string }> {
    const res = await fetch(`${cluster.url}/api/auth/local/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: name, email: `${name}@example.com`, password: `${name}-Pass-2026` }),
    });
    assert.equal(res.status, 200, await res.clone().text());
    const { jwt, user } = (await res.json()) as { jwt: string; user: { id: number } };
    return { jwt, id: user.id };
  }

  /** What the instances logged as errors, for a failure message. */
  const serverErrors = () =>
    cluster.instances
      .map(
        (i) =>
          `${i.url} (${i.running() ? 'running' : 'stopped'}):\n${i
            .output()
            .split('\n')
            .filter((line) => /error|exit|uncaught/i.test(line))
            .slice(-15)
            .join('\n')}\n${i.output().slice(-1500)}`,
      )
      .join('\n');

  /** Stored progress rows, by progress key, straight from PostgreSQL. */
  function storedProgress(): Map<string, Segment[]> {
    const rows = cluster.sql(`SELECT progress_key || E'\\t' || segments::text FROM lessons_progress`);
    return new Map(
      rows
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [key, segments] = line.split('\t') as [string, string];
          return [key, JSON.parse(segments) as Segment[]];
        }),
    );
  }

  /** How many rows each of these report keys has in PostgreSQL. */
  function storedReportCounts(keys: string[]): Map<string, number> {
    const out = new Map<string, number>();
    const list = keys.map((k) => `'${k.replace(/'/g, "''")}'`).join(',');
    const rows = cluster.sql(
      `SELECT idempotency_key, count(*) FROM lessons_error_reports WHERE idempotency_key IN (${list}) GROUP BY idempotency_key`,
    );
    for (const line of rows.split('\n').filter(Boolean)) {
      const [key, n] = line.split('|') as [string, string];
      out.set(key, Number(n));
    }
    return out;
  }

  it('merges 20 simultaneous progress PUTs of different segments, sent alternately to both instances, into one row', async () => {
    const reader = await register('cluster-union');
    const lesson = lessons[0]!;
    const segments: Segment[] = Array.from({ length: 20 }, (_, k) => [2 * k, 2 * k + 1]);
    const answers = await Promise.all(
      segments.map((segment, k) =>
        send(`${instance(k % 2 === 0 ? a : b)}/api/lessons/${lesson.slug}/progress?locale=${lesson.locale}`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${reader.jwt}` },
          body: { segments: [segment], position: segment[1] },
        }),
      ),
    );
    assert.deepEqual(
      answers.map((r) => r.status),
      segments.map(() => 200),
    );
    const key = `${reader.id}:${lesson.id}:${lesson.locale}`;
    assert.equal(cluster.sql(`SELECT count(*) FROM lessons_progress WHERE progress_key = '${key}'`), '1');
    assert.deepEqual(storedProgress().get(key), segments);
    for (const i of [a, b]) {
      const res = await fetch(`${instance(i)}/api/lessons/${lesson.slug}/progress?locale=${lesson.locale}`, {
        headers: { Authorization: `Bearer ${reader.jwt}` },
      });
      assert.deepEqual(progressResponseSchema.parse(await res.json()).data.segments, segments);
    }
  });

  it(`answers exactly one 429 to ${REPORTS_PER_CLIENT} + 1 reports sent alternately straight to both instances`, async () => {
    // One client (its own loopback address) the limits have not seen yet.
    const agents = [a, b].map(() => new Agent({ keepAlive: true, localAddress: '127.77.0.1' }));
    const lesson = lessons[1]!;
    try {
      const statuses: number[] = [];
      const others: string[] = [];
      // Ten at a time: simultaneous on both instances, and quickly done within the limit's window.
      for (let start = 0; start <= REPORTS_PER_CLIENT; start += 10) {
        const batch = Array.from(
          { length: Math.min(10, REPORTS_PER_CLIENT + 1 - start) },
          (_, j) => start + j,
        );
        const answers = await Promise.all(
          batch.map((n) =>
            send(`${instance(n % 2 === 0 ? a : b)}/api/lessons/${lesson.slug}/reports`, {
              method: 'POST',
              agent: agents[n % 2],
              body: { locale: lesson.locale, what: `Limit check ${n}.`, idempotencyKey: `limit-check-${n}` },
            }),
          ),
        );
        statuses.push(...answers.map((r) => r.status));
        others.push(
          ...answers.filter((r) => r.status !== 201 && r.status !== 429).map((r) => r.body.slice(0, 200)),
        );
      }
      const tally = statuses.map((s, n) => `${n}:${s}`).join(' ');
      assert.equal(
        statuses.filter((s) => s === 201).length,
        REPORTS_PER_CLIENT,
        `${tally} ${others.join(' ')}`,
      );
      assert.equal(statuses.filter((s) => s === 429).length, 1, tally);
    } finally {
      for (const agent of agents) agent.destroy();
    }
  });

  it("serves an editor's change made through instance A from instance B's very next answer, with a new ETag", async () => {
    const lesson = lessons[2]!;
    const read = async (i: 0 | 1) => {
      const res = await fetch(`${instance(i)}/api/lessons/${lesson.slug}?locale=${lesson.locale}`);
      assert.equal(res.status, 200);
      return { etag: res.headers.get('etag'), lesson: lessonResponseSchema.parse(await res.json()).data };
    };
    const before = await read(b);
    await read(b); // twice: whatever B keeps, it now has

    const login = await fetch(`${instance(a)}/admin/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
    });
    assert.equal(login.status, 200);
    const token = ((await login.json()) as { data: { token: string } }).data.token;
    const title = `${before.lesson.title} (edited through A)`;
    const cm = `${instance(a)}/content-manager/collection-types/plugin::lessons.lesson/${lesson.id}`;
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const saved = await fetch(`${cm}?locale=${lesson.locale}`, {
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ title }),
    });
    assert.equal(saved.status, 200, await saved.text());
    const published = await fetch(`${cm}/actions/publish?locale=${lesson.locale}`, {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    assert.equal(published.status, 200, await published.text());

    const afterEdit = await read(b);
    assert.equal(afterEdit.lesson.title, title);
    assert.notEqual(afterEdit.etag, before.etag);
  });

  /** Reports and progress PUTs for one load run; progress from readers registered for it. */
  async function loadWrites(
    run: string,
    size: { reports: number; progress: number } = LOAD,
  ): Promise<Write[]> {
    const readers = await Promise.all(
      Array.from({ length: READERS_PER_RUN }, (_, i) => register(`load-${run}-${i}`)),
    );
    const reports: Write[] = Array.from({ length: size.reports }, (_, i) => {
      const lesson = lessons[i % lessons.length]!;
      return { kind: 'report', slug: lesson.slug, locale: lesson.locale, key: `load-${run}-${i}` };
    });
    // Each (reader, lesson) row gets 25 one-second segments two seconds apart (the shortest demo
    // video is 52 s): a lost PUT leaves a hole the union check sees.
    const progress: Write[] = [];
    for (let k = 0; progress.length < size.progress; k++) {
      for (const reader of readers) {
        for (const lesson of lessons) {
          if (progress.length === size.progress) break;
          progress.push({
            kind: 'progress',
            slug: lesson.slug,
            locale: lesson.locale,
            token: reader.jwt,
            row: `${reader.id}:${lesson.id}:${lesson.locale}`,
            segment: [2 * k, 2 * k + 1],
          });
        }
      }
    }
    return interleave(reports, progress);
  }

  /** Every acknowledged report stored exactly once, and every progress row the union of what was sent to it. */
  function assertNothingLost(t: TestContext, name: string, writes: Write[], outcome: LoadOutcome) {
    const reportKeys = writes.flatMap((w) => (w.kind === 'report' ? [w.key] : []));
    const counts = storedReportCounts(reportKeys);
    const acknowledgedKeys = [...outcome.reportIds.keys()];
    const missing = acknowledgedKeys.filter((k) => !counts.has(k));
    const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
    const stored = storedProgress();
    const expected = expectedProgress(writes);
    const wrongRows = [...expected]
      .filter(([row, segments]) => JSON.stringify(stored.get(row)) !== JSON.stringify(segments))
      .map(([row]) => row);
    const found = [...counts.values()].reduce((n, c) => n + c, 0);
    const line = `${name}: ${outcome.acknowledged} of ${writes.length} writes acknowledged (${outcome.requests} requests; answers ${JSON.stringify(outcome.answers)}); ${found} of ${acknowledgedKeys.length} acknowledged reports found in PostgreSQL, ${expected.size - wrongRows.length} of ${expected.size} progress rows equal to the union sent`;
    t.diagnostic(line);
    figures.push(line);
    assert.deepEqual(outcome.gaveUp, [], 'every write is acknowledged in the end');
    assert.deepEqual(missing, [], 'acknowledged reports missing from the database');
    assert.deepEqual(twice, [], 'reports stored more than once');
    assert.equal(found, acknowledgedKeys.length);
    assert.deepEqual(wrongRows, [], 'progress rows that are not the union of what was sent');
    // The ids answered are the ids stored.
    const ids = cluster.sql(
      `SELECT count(*) FROM lessons_error_reports WHERE document_id IN (${[...outcome.reportIds.values()].map((id) => `'${id}'`).join(',')})`,
    );
    assert.equal(Number(ids), outcome.reportIds.size);
  }

  it(`loses nothing under load: ${LOAD.reports} report POSTs and ${LOAD.progress} progress PUTs from ${LOAD.connections} connections through nginx`, async (t) => {
    const writes = await loadWrites('plain');
    const outcome = await runLoad(cluster.url, writes, { connections: LOAD.connections, net: 10 });
    assertNothingLost(t, 'load', writes, outcome);
    assert.equal(outcome.requests, writes.length, 'no write needed sending again');
  });

  it(`loses nothing when one instance is killed (SIGKILL) mid-load (${FAULT_LOAD.reports} + ${FAULT_LOAD.progress} writes) and restarted: nginx sends the rest to the other`, async (t) => {
    const writes = await loadWrites('kill', FAULT_LOAD);
    let killed: Promise<void> | null = null;
    const outcome = await runLoad(cluster.url, writes, {
      connections: LOAD.connections,
      net: 11,
      onAcknowledged: (done, left) => {
        if (!killed && done >= 500 && left >= 500) killed = cluster.instances[a].kill();
      },
    });
    assert.ok(killed, 'the instance was killed during the load');
    await (killed as Promise<void> | null); // set inside the load callback, which TypeScript does not follow
    assert.equal(cluster.instances[a].running(), false);
    await cluster.instances[a].start();
    assertNothingLost(t, 'kill -9 of one instance', writes, outcome);

    // A tenth of the reports sent again by the same clients with the same keys, now that both
    // instances are up: each is answered with the report already stored, and stored once.
    const again = await runLoad(cluster.url, writes, {
      connections: FAULT_LOAD.connections,
      net: 11,
      only: (w) => w.kind === 'report' && Number(w.key.split('-').at(-1)) % 10 === 0,
    });
    assert.equal(again.reportIds.size, FAULT_LOAD.reports / 10);
    for (const [key, id] of again.reportIds)
      assert.equal(id, outcome.reportIds.get(key), `report ${key} answered with its first id`);
    const stillOnce = [...storedReportCounts([...again.reportIds.keys()]).values()].filter(
      (n) => n === 1,
    ).length;
    const line = `the same reports sent again after the restart: ${again.reportIds.size} answered with their first id, ${stillOnce} of ${again.reportIds.size} stored once`;
    t.diagnostic(line);
    figures.push(line);
    assert.equal(stillOnce, again.reportIds.size);
    // The restarted instance serves what the other stored while it was down.
    const last = writes.findLast((w) => w.kind === 'progress');
    assert.ok(last?.kind === 'progress');
    const res = await fetch(`${instance(a)}/api/lessons/${last.slug}/progress?locale=${last.locale}`, {
      headers: { Authorization: `Bearer ${last.token}` },
    });
    assert.deepEqual(
      progressResponseSchema.parse(await res.json()).data.segments,
      expectedProgress(writes).get(last.row),
    );
  });

  it('loses nothing and refuses nothing while Redis is stopped for 5 s mid-load: limits fall back to each instance', async (t) => {
    const writes = await loadWrites('redis', FAULT_LOAD);
    let outage: Promise<void> | null = null;
    const outcome = await runLoad(cluster.url, writes, {
      connections: LOAD.connections,
      net: 12,
      onAcknowledged: (done, left) => {
        if (!outage && done >= 500 && left >= 500) {
          outage = (async () => {
            await cluster.redis.stop();
            await new Promise((r) => setTimeout(r, 5_000));
            await cluster.redis.start();
          })();
        }
      },
    });
    assert.ok(outage, 'Redis was stopped during the load');
    await (outage as Promise<void> | null);
    assertNothingLost(t, 'Redis stopped for 5 s', writes, outcome);
    assert.deepEqual(Object.keys(outcome.answers).sort(), ['200', '201'], 'every answer a success');
  });

  it('answers 503 with Retry-After while PostgreSQL restarts mid-load, none hangs, and loses nothing', async (t) => {
    const writes = await loadWrites('postgres', FAULT_LOAD);
    let restart: Promise<void> | null = null;
    const outcome = await runLoad(cluster.url, writes, {
      connections: LOAD.connections,
      net: 13,
      onAcknowledged: (done, left) => {
        if (!restart && done >= 500 && left >= 500) restart = cluster.postgres.restart(3_000);
      },
    });
    assert.ok(restart, 'PostgreSQL was restarted during the load');
    await (restart as Promise<void> | null);
    const failures = Object.keys(outcome.answers).filter((s) => !['200', '201'].includes(s));
    assert.deepEqual(
      failures,
      ['503'],
      `requests during the gap answered 503, and nothing else went wrong (no 500, no hung request)\n${serverErrors()}`,
    );
    assertNothingLost(t, 'PostgreSQL restarted (3 s down)', writes, outcome);
    assert.equal(outcome.unavailableWithoutRetryAfter, 0, 'every 503 says when to retry');
    figures.push(
      'restarts survived: 3 of 3 (an instance killed and restarted, Redis stopped 5 s, PostgreSQL restarted), no acknowledged write lost',
    );
  });
});
