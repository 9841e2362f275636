import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createLongLectureLesson } from '../../tests/support/long-lecture-lesson.ts';
import { startStrapi, type TestStrapi } from './helpers.ts';

/**
 * What crosses the network: the plugin's answers and the widget's chunks compressed as the client
 * accepts, read here as raw bytes (fetch would decode them and hide the Content-Encoding).
 */
let strapi: TestStrapi;

before(async () => {
  strapi = await startStrapi(1418);
});

after(async () => {
  await strapi?.stop();
});

interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(strapi.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (answer: RawAnswer): Buffer => {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return brotliDecompressSync(answer.body);
  if (coding === 'gzip') return gunzipSync(answer.body);
  assert.equal(coding, undefined, `an unexpected coding: ${coding}`);
  return answer.body;
};

const varies = (answer: RawAnswer) =>
  String(answer.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

const built = readdirSync(new URL('../widget-dist/widget/', import.meta.url));
const chunk = (prefix: string) => {
  const name = built.find((n) => n.startsWith(prefix) && n.endsWith('.js'));
  assert.ok(name, `no ${prefix}*.js in the widget build: ${built.join()}`);
  return `/api/lessons/widget/${name}`;
};

const LESSON = '/api/lessons/regaining-social-connection?locale=en';
const figures: Array<{ what: string; identity: number; br: number; gzip: number }> = [];

/** Fetches a path in each coding, checks each decodes to the identity bytes, notes the sizes. */
async function inEachCoding(what: string, path: string) {
  const identity = await get(path);
  const br = await get(path, { 'Accept-Encoding': 'br, gzip' });
  const gzip = await get(path, { 'Accept-Encoding': 'gzip' });
  for (const answer of [identity, br, gzip]) {
    assert.equal(answer.status, 200, `${what}: ${answer.body.toString('utf8', 0, 300)}`);
    assert.ok(varies(answer).includes('accept-encoding'), `${what}: Vary is "${answer.headers.vary}"`);
  }
  assert.equal(identity.headers['content-encoding'], undefined, `${what} without Accept-Encoding`);
  assert.equal(br.headers['content-encoding'], 'br', `${what} with br`);
  assert.equal(gzip.headers['content-encoding'], 'gzip', `${what} with gzip only`);
  assert.deepEqual(decode(br), identity.body, `${what}: brotli decodes to the identity bytes`);
  assert.deepEqual(decode(gzip), identity.body, `${what}: gzip decodes to the identity bytes`);
  assert.equal(
    Number(br.headers['content-length']),
    br.body.length,
    `${what}: Content-Length counts the bytes sent`,
  );
  const tags = [identity, br, gzip].map((a) => a.headers.etag);
  assert.equal(new Set(tags).size, 3, `${what}: one strong ETag per coding, got ${tags.join(' ')}`);
  for (const tag of tags) assert.ok(tag && !tag.startsWith('W/'), `${what}: a strong ETag`);
  figures.push({ what, identity: identity.body.length, br: br.body.length, gzip: gzip.body.length });
  return { identity, br, gzip };
}

describe('compression of what the plugin sends', () => {
  it("sends the widget's first chunk and the video.js chunk precompressed: brotli, else gzip, else as they are", async () => {
    for (const [what, path] of [
      ["widget's first chunk", chunk('lesson-widget.component-')],
      ['video.js chunk', chunk('player-')],
    ] as const) {
      const { identity, br } = await inEachCoding(what, path);
      assert.ok(
        br.body.length < identity.body.length / 2,
        `${what}: ${br.body.length} B of ${identity.body.length} B`,
      );
      assert.match(String(br.headers['cache-control']), /immutable/);
    }
  });

  it('sends the lesson, the list, embed.html and a transcript download compressed', async () => {
    const { identity, br } = await inEachCoding('demo lesson JSON', LESSON);
    assert.deepEqual(JSON.parse(decode(br).toString('utf8')), JSON.parse(identity.body.toString('utf8')));
    assert.equal(br.headers['content-type'], 'application/json; charset=utf-8');
    await inEachCoding('lesson list', '/api/lessons?locale=en');
    const embed = await inEachCoding(
      'embed.html',
      '/api/lessons/regaining-social-connection/embed.html?locale=en',
    );
    assert.match(String(embed.br.headers['content-type']), /^text\/html/);
    const vtt = await inEachCoding(
      'transcript.vtt',
      '/api/lessons/regaining-social-connection/transcript?locale=en&format=vtt',
    );
    assert.match(String(vtt.br.headers['content-disposition']), /attachment; filename=".+\.en\.vtt"/);
  });

  it('honours what the client refuses, and prefers brotli whatever the order of the header', async () => {
    const cases: Array<[string, string | undefined]> = [
      ['gzip, deflate, br, zstd', 'br'], // Chromium's header: gzip listed first, brotli still chosen
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0, br;q=0', undefined],
      ['deflate', undefined],
      ['*', 'br'],
    ];
    for (const [accept, expected] of cases) {
      const answer = await get(LESSON, { 'Accept-Encoding': accept });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-encoding'], expected, `Accept-Encoding: ${accept}`);
    }
  });

  it('answers 304 to the ETag of the coding the client would get, and 200 to another coding’s', async () => {
    for (const path of [LESSON, chunk('lesson-widget.component-')]) {
      for (const accept of ['br, gzip', 'gzip', undefined]) {
        const headers: Record<string, string> = accept ? { 'Accept-Encoding': accept } : {};
        const first = await get(path, headers);
        const etag = String(first.headers.etag);
        const again = await get(path, { ...headers, 'If-None-Match': etag, 'Cache-Control': 'max-age=0' });
        assert.equal(again.status, 304, `${path} with ${accept ?? 'no Accept-Encoding'}`);
        assert.equal(again.headers.etag, etag);
        assert.equal(again.body.length, 0);
        assert.equal(again.headers['content-encoding'], undefined, 'a 304 has no body to encode');
        assert.ok(varies(again).includes('accept-encoding'));
      }
      // A client holding the gzip bytes that now takes brotli gets brotli, not a 304 for bytes it lacks.
      const gzipTag = String((await get(path, { 'Accept-Encoding': 'gzip' })).headers.etag);
      const switched = await get(path, {
        'Accept-Encoding': 'br',
        'If-None-Match': gzipTag,
        'Cache-Control': 'max-age=0',
      });
      assert.equal(switched.status, 200);
      assert.equal(switched.headers['content-encoding'], 'br');
      // A cache holding both codings sends both tags, and is told which one is still good.
      const brTag = String(switched.headers.etag);
      const both = await get(path, {
        'Accept-Encoding': 'br',
        'If-None-Match': `${gzipTag}, ${brTag}`,
        'Cache-Control': 'max-age=0',
      });
      assert.equal(both.status, 304);
      assert.equal(both.headers.etag, brTag);
    }
  });

  it('sends small bodies as they are', async () => {
    // The smallest of the widget's chunks (a few hundred bytes): under 1 KB, coding costs more than it saves.
    const dir = new URL('../widget-dist/widget/', import.meta.url);
    const smallest = built
      .filter((name) => name.endsWith('.js'))
      .map((name) => ({ name, size: statSync(new URL(name, dir)).size }))
      .sort((a, b) => a.size - b.size)[0]!;
    assert.ok(smallest.size < 1024, `the smallest chunk is ${smallest.size} B`);
    const small = await get(`/api/lessons/widget/${smallest.name}`, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(small.status, 200);
    assert.equal(small.headers['content-encoding'], undefined);
    const missing = await get('/api/lessons/no-such-lesson', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-encoding'], undefined);
  });

  it('sends a 1,000-paragraph lesson compressed', async () => {
    const lecture = await createLongLectureLesson(strapi.url, { slug: 'compressed-three-hour-lecture' });
    const { identity, br } = await inEachCoding(
      '1,000-paragraph lesson JSON',
      `/api/lessons/${lecture.slug}?locale=en`,
    );
    assert.ok(identity.body.length > 200_000, `the long lesson is ${identity.body.length} B`);
    assert.ok(
      br.body.length < identity.body.length / 3,
      `brotli ${br.body.length} B of ${identity.body.length} B`,
    );
  });

  after(() => {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`.padStart(9);
    console.log(
      `\n  ${'bytes on the wire'.padEnd(28)}${'identity'.padStart(9)}  ${'brotli'.padStart(9)}  ${'gzip'.padStart(9)}`,
    );
    for (const f of figures)
      console.log(
        `  ${f.what.padEnd(28)}${kb(f.identity)}  ${kb(f.br)}  ${kb(f.gzip)}   (${f.identity} / ${f.br} / ${f.gzip} B)`,
      );
  });
});
