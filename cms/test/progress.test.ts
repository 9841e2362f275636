import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_PROGRESS_SLACK_SECONDS,
  FASTEST_PLAYBACK_RATE,
  progressResponseSchema,
  type ProgressOutput,
  type Segment,
} from '@lessons/shared';
import { appDir } from '../app/scripts/boot.mjs';
import {
  call,
  expectError,
  expectOk,
  registerReader,
  seedLesson,
  startStrapi,
  type Answer,
  type TestStrapi,
} from './helpers.ts';

/**
 * What a reader's progress PUTs may change: stored segments on a one-second grid, a rate limit
 * per reader, and no more credited watching than could have been played since the reader first
 * asked for the lesson's progress. This instance keeps the strict defaults (slack 30 s, 60 PUTs
 * a minute); only sign-ups are unlimited, so that each test has readers of its own.
 */
let strapi: TestStrapi;
let api: (path: string, init?: Parameters<typeof call>[1]) => Promise<Answer>;
const dir = mkdtempSync(join(tmpdir(), 'lessons-progress-test-'));
const database = join(dir, 'data.db');

before(async () => {
  strapi = await startStrapi(1404, { DATABASE_FILENAME: database, AUTH_RATELIMIT_MAX: '1000' });
  api = (path, init) => call(`${strapi.url}${path}`, init);
});

after(async () => {
  await strapi?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const main = seedLesson('regaining-social-connection');
const duration = main.en.video.duration;
const url = `/api/lessons/${main.en.slug}/progress?locale=en`;
const slack = DEFAULT_PROGRESS_SLACK_SECONDS;

const get = async (token: string) => expectOk(await api(url, { token }), progressResponseSchema).data;
const put = async (token: string, segments: Segment[], position = 0): Promise<ProgressOutput> =>
  expectOk(await api(url, { method: 'PUT', token, json: { segments, position } }), progressResponseSchema)
    .data;

let readers = 0;
async function reader() {
  const { jwt, user } = await registerReader(strapi.url, `progress${++readers}`);
  return { jwt, id: user.id };
}

/** The reader's stored row, as the database has it. */
function storedRow(readerId: number) {
  const rows = strapi.query(
    `SELECT segments, first_seen_at, completed FROM lessons_progress WHERE reader_id = ${Number(readerId)}`,
  );
  assert.equal(rows.length, 1);
  const row = rows[0]!;
  return {
    segments: JSON.parse(String(row.segments)) as Segment[],
    firstSeenAt: row.first_seen_at,
    completed: Boolean(row.completed),
  };
}

const close = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance,
    `${what}: ${actual} is not within ${tolerance} of ${expected}`,
  );

describe('credited watching time', () => {
  it('refuses a whole lesson claimed right after it was opened, crediting only the slack', async () => {
    const { jwt, id } = await reader();
    const opened = Date.now();
    await get(jwt);
    assert.ok(storedRow(id).firstSeenAt, 'the first GET records when the reader came');
    const forged = await put(jwt, [[0, duration]], duration);
    const elapsed = (Date.now() - opened) / 1000;
    assert.equal(forged.completed, false);
    assert.ok(forged.credit, 'the answer says what was credited');
    const bound = elapsed * FASTEST_PLAYBACK_RATE + slack;
    assert.ok(
      forged.credit.seconds >= slack && forged.credit.seconds <= bound,
      `credited ${forged.credit.seconds}, bound ${bound}`,
    );
    close(forged.credit.seconds + forged.credit.refused, duration, 0.01, 'credited + refused');
    // The earliest seconds are the ones credited, and what is stored is exactly what was credited.
    assert.equal(forged.segments.length, 1);
    assert.equal(forged.segments[0]![0], 0);
    close(forged.segments[0]![1], forged.credit.seconds, 0.001, 'stored end');
    assert.deepEqual(storedRow(id).segments, forged.segments);
    assert.deepEqual((await get(jwt)).segments, forged.segments);
    // Sending it again gains nothing until time has passed.
    const again = await put(jwt, [[0, duration]], duration);
    assert.equal(again.completed, false);
    assert.ok(
      again.credit!.seconds <=
        ((Date.now() - opened) / 1000) * FASTEST_PLAYBACK_RATE + slack - forged.credit.seconds,
    );
  });

  it('bounds a first PUT without a GET the same way, and credits the earliest new seconds first', async () => {
    const { jwt } = await reader();
    const answer = await put(
      jwt,
      [
        [100, duration],
        [50, 60],
        [0, 10],
      ],
      10,
    );
    // 0–10 and 50–60 (20 s), then the first ~10 s of 100–end.
    assert.deepEqual(answer.segments.slice(0, 2), [
      [0, 10],
      [50, 60],
    ]);
    assert.equal(answer.segments.length, 3);
    assert.equal(answer.segments[2]![0], 100);
    assert.ok(answer.segments[2]![1] >= 110 && answer.segments[2]![1] < 112, JSON.stringify(answer.segments));
    close(answer.credit!.seconds + answer.credit!.refused, 20 + duration - 100, 0.01, 'credited + refused');
    assert.equal(answer.completed, false);
  });

  it('still counts progress queued offline and sent long after the lesson was opened', async () => {
    const { jwt, id } = await reader();
    await get(jwt);
    // The reader opened the lesson ten minutes ago, then watched with no connection.
    backdateFirstSeen(id, 10 * 60);
    const queued: Segment[] = [
      [0, 61.5],
      [61.5, 130.25],
      [130.25, duration],
    ];
    const answer = await put(jwt, queued, duration);
    assert.equal(answer.completed, true);
    assert.equal(answer.percent, 100);
    assert.deepEqual(answer.credit, { seconds: duration, refused: 0 });
    assert.deepEqual(answer.segments, [[0, duration]]);
    assert.equal(storedRow(id).completed, true);
  });
});

describe('stored segments', () => {
  it('keeps at most about one segment per second of video after 30 PUTs of 1,000 tiny disjoint segments', async () => {
    const { jwt, id } = await reader();
    await get(jwt);
    backdateFirstSeen(id, 10 * 60);
    let last: ProgressOutput | undefined;
    for (let round = 0; round < 30; round++) {
      // Spread over the whole video, a few milliseconds each, gaps of 0.2 s up to a few seconds.
      const tiny = Array.from({ length: 1_000 }, (_, i): Segment => {
        const start = (i * 1.37 + round * 0.29) % (duration - 1);
        return [start, start + 0.004];
      });
      last = await put(jwt, tiny, 0);
    }
    const stored = storedRow(id).segments;
    assert.ok(
      stored.length <= Math.ceil(duration) + 1,
      `${stored.length} segments stored for ${duration} s of video`,
    );
    for (let i = 1; i < stored.length; i++)
      assert.ok(stored[i]![0] - stored[i - 1]![1] >= 1, 'gaps under a second are closed');
    assert.deepEqual(last!.segments, stored);
    assert.deepEqual((await get(jwt)).segments, stored);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a reader sends more than 60 PUTs a minute; other readers are not affected', async () => {
    const busy = await reader();
    const calm = await reader();
    for (let i = 0; i < 60; i++) await put(busy.jwt, [], i);
    const refused = await api(url, {
      method: 'PUT',
      token: busy.jwt,
      json: { segments: [[0, 5]], position: 5 },
    });
    const error = expectError(refused, 429);
    assert.equal(error.name, 'RateLimitError');
    assert.match(error.message, /too often/i);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(
      Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
      `Retry-After: ${refused.headers.get('retry-after')}`,
    );
    assert.equal(error.details?.retryAfter, retryAfter);
    // Nothing of the refused PUT was stored; reading is not limited; another reader goes on.
    assert.deepEqual((await get(busy.jwt)).segments, []);
    assert.deepEqual((await put(calm.jwt, [[0, 5]], 5)).segments, [[0, 5]]);
  });
});

/** Moves a reader's first request back in time, as if the lesson had been opened `seconds` ago. */
function backdateFirstSeen(readerId: number, seconds: number) {
  const Database = createRequire(join(appDir, 'package.json'))('better-sqlite3') as new (file: string) => {
    prepare(sql: string): { run(...values: unknown[]): { changes: number } };
    close(): void;
  };
  const db = new Database(database);
  try {
    const { changes } = db
      .prepare('UPDATE lessons_progress SET first_seen_at = ? WHERE reader_id = ?')
      .run(Date.now() - seconds * 1000, readerId);
    assert.equal(changes, 1);
  } finally {
    db.close();
  }
}
