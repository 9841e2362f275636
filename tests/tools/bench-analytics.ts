// `npm run bench`, issue 11's part 4: the editors' lesson analytics answering for 10,000 readers'
// progress rows of one lesson. The rows are written straight into the bench's SQLite database
// (10,000 registrations and 10,000 PUTs would measure the login, not the analytics); the answer
// is then asked for through the admin API, as the admin page asks for it.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  lessonAnalyticsResponseSchema,
  lessonResponseSchema,
  mergeOnGrid,
  paragraphsOf,
  percentWatched,
  type Segment,
} from '@lessons/shared';
import { appDir } from '../../cms/app/scripts/boot.mjs';
import { markdownTable } from './bench-doc.ts';

const READERS = 10_000;
const RUNS = 7;
const LESSON = 'regaining-social-connection';

type Sqlite = new (file: string) => {
  prepare(sql: string): { run(...params: unknown[]): unknown };
  transaction<T extends unknown[]>(fn: (...args: T) => void): (...args: T) => void;
  close(): void;
};

/** A reproducible random number generator (mulberry32), so every run reads the same rows. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What one reader played: from the start to where they stopped (a third watch it all), with a
 * skipped stretch now and then, on the server's one-second grid.
 */
function readerSegments(next: () => number, duration: number): Segment[] {
  const stop = next() < 0.33 ? duration : duration * Math.min(1, -Math.log(1 - next()) / 2.5);
  const segments: Segment[] = [];
  let at = 0;
  while (at < stop) {
    const length = 10 + next() * 60;
    segments.push([at, Math.min(stop, at + length)]);
    at += length + (next() < 0.2 ? 5 + next() * 20 : 0);
  }
  return mergeOnGrid(segments, duration);
}

async function adminToken(url: string): Promise<string> {
  const res = await fetch(`${url}/admin/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'editor@example.com', password: 'Editor-demo-2026' }),
  });
  if (!res.ok) throw new Error(`admin login answered ${res.status}`);
  return ((await res.json()) as { data: { token: string } }).data.token;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/**
 * Writes 10,000 readers' progress rows for the demo lesson into `database` (the SQLite file of the
 * Strapi at `url`) and times `GET /lessons/analytics/lessons/:documentId?locale=en`; answers the
 * markdown section for docs/benchmarks.md.
 */
export async function benchAnalytics({ url, database }: { url: string; database: string }): Promise<string> {
  const lesson = lessonResponseSchema.parse(
    await (await fetch(`${url}/api/lessons/${LESSON}?locale=en`)).json(),
  ).data;
  const duration =
    lesson.video?.duration ?? Math.max(...paragraphsOf(lesson.transcript).map((p) => p.end ?? 0));

  const Database = createRequire(join(appDir, 'package.json'))('better-sqlite3') as Sqlite;
  const db = new Database(database);
  try {
    const insert = db.prepare(
      `INSERT INTO lessons_progress (document_id, progress_key, reader_id, lesson_document_id, lesson_locale,
         segments, position, percent, completed, revision, first_seen_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    );
    const next = random(11);
    const now = Date.now();
    db.transaction(() => {
      for (let i = 0; i < READERS; i++) {
        const readerId = 1_000_000 + i;
        const segments = readerSegments(next, duration);
        const percent = percentWatched(segments, duration);
        insert.run(
          `bench${String(i).padStart(20, '0')}`,
          `${readerId}:${lesson.id}:en`,
          readerId,
          lesson.id,
          'en',
          JSON.stringify(segments),
          segments.at(-1)?.[1] ?? 0,
          percent,
          percent >= 90 ? 1 : 0,
          now,
          now,
          now,
        );
      }
    })();
  } finally {
    db.close();
  }

  const token = await adminToken(url);
  const ask = async () => {
    const started = performance.now();
    const res = await fetch(`${url}/lessons/analytics/lessons/${lesson.id}?locale=en`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as unknown;
    const ms = performance.now() - started;
    if (!res.ok) throw new Error(`analytics answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    return { ms, data: lessonAnalyticsResponseSchema.parse(body).data };
  };
  const first = await ask();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await ask()).ms);
  const { data } = first;
  const mostStopped = [...data.paragraphs].sort((a, b) => b.stopped - a.stopped)[0];

  const lines = [
    `Lesson analytics for "${lesson.title}" (${data.paragraphs.length} paragraphs) with ${data.rowsRead.toLocaleString('en')} readers' progress rows of it on SQLite: one pass over the rows (read 2,000 at a time through the (lesson, language, id) index), answered through the admin API as the admin page asks.`,
    '',
    markdownTable(
      [
        'progress rows read',
        'readers',
        'completions',
        'median watched',
        'first answer',
        `median of ${RUNS} more`,
        'slowest',
      ],
      [
        [
          data.rowsRead.toLocaleString('en'),
          data.totals.readers.toLocaleString('en'),
          data.totals.completions.toLocaleString('en'),
          `${data.totals.medianPercent ?? 0}%`,
          `${first.ms.toFixed(0)} ms`,
          `${median(times).toFixed(0)} ms`,
          `${Math.max(...times).toFixed(0)} ms`,
        ],
      ],
    ),
    '',
    mostStopped
      ? `Most readers stopped in paragraph "${mostStopped.id}" (${mostStopped.stopped.toLocaleString('en')}, ${(mostStopped.stoppedShare * 100).toFixed(1)}% of readers).`
      : '',
  ];
  console.log(
    `\nLesson analytics, ${data.rowsRead} progress rows: first ${first.ms.toFixed(0)} ms, median ${median(times).toFixed(0)} ms`,
  );
  return [`## Lesson analytics (issue 11)`, '', ...lines].join('\n');
}
