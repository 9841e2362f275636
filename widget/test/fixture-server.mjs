// A stand-in for the lessons API, for the widget's browser tests: the demo course
// (cms/app/seed/demo-course.json) served in the shapes of the shared contracts (validated with
// their zod schemas at start, so fixtures and contracts cannot drift), its media with Range
// support, and users, progress and reports kept in memory. It runs on its own port, so the
// widget talks to it cross-origin, with CORS, as it does in production.
//
// Test controls (same server): POST /__fixture/reset, POST /__fixture/fail (make the next
// matching requests fail: { method, path, status, times, retryAfter, body, network }),
// GET /__fixture/log (requests received).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = join(HERE, '..', '..', 'cms', 'app', 'seed');
const COURSE_FILE = join(SEED, 'demo-course.json');
const MEDIA_DIR = join(SEED, 'media');
/** A short HLS stream (test/media/make-hls.sh) for the lesson that streams. */
const HLS_DIR = join(HERE, 'media', 'hls');
const HLS = 'application/x-mpegURL';
const DIST = join(HERE, '..', 'dist');

/** A seeded reader, for login tests. */
export const READER = { username: 'reader', email: 'reader@example.com', password: 'correct-horse' };

const shared = await tsImport('@lessons/shared', import.meta.url);
const { longLecture } = await tsImport('../../tests/support/long-lecture.ts', import.meta.url);

/** The demo course as `Lesson` objects, per locale; media URLs are made per request. */
function buildLessons(course) {
  const out = [];
  const order = course.course.lessons;
  const tagsByKey = new Map(course.tags.map((t) => [t.key, t]));
  const dated = (key) => `2025-0${order.indexOf(key) + 1}-15T09:00:00.000Z`;
  for (const lesson of course.lessons) {
    const position = order.indexOf(lesson.key) + 1;
    for (const locale of course.locales) {
      const l = lesson[locale];
      const link = (key) => {
        if (!key) return null;
        const other = course.lessons.find((x) => x.key === key)[locale];
        return { slug: other.slug, title: other.title, publishedAt: dated(key) };
      };
      out.push({
        key: lesson.key,
        media: { video: l.video.file, poster: l.video.poster, type: l.video.type },
        data: {
          id: lesson.key,
          slug: l.slug,
          locale,
          title: l.title,
          summary: l.summary,
          video: { sources: [], poster: null, duration: l.video.duration },
          transcript: l.transcript,
          tags: lesson.tags.map((k) => tagsByKey.get(k)[locale]),
          category: course.category[locale],
          course: {
            slug: course.course[locale].slug,
            title: course.course[locale].title,
            position,
            total: order.length,
            previous: link(order[position - 2]),
            next: link(order[position]),
          },
          locales: course.locales.map((loc) => ({
            locale: loc,
            slug: lesson[loc].slug,
            title: lesson[loc].title,
          })),
          related: order
            .filter((k) => k !== lesson.key)
            .map(link)
            .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
            .slice(0, 3),
          publishedAt: dated(lesson.key),
          updatedAt: dated(lesson.key),
        },
      });
    }
  }
  // The two lessons below exist only to be opened by slug: the list and search leave them out.
  const first = out.find((x) => x.data.locale === course.defaultLocale);
  // A lesson whose transcript has no times (plain reading text), in English only, with no course.
  out.push({
    key: 'untimed',
    unlisted: true,
    media: first.media,
    data: {
      ...first.data,
      id: 'untimed',
      slug: 'untimed-lesson',
      title: 'A lesson read as text',
      transcript: {
        sections: first.data.transcript.sections.map((s) => ({
          heading: s.heading,
          paragraphs: s.paragraphs.map(({ id, text }) => ({ id, text })),
        })),
      },
      course: null,
      locales: [{ locale: course.defaultLocale, slug: 'untimed-lesson', title: 'A lesson read as text' }],
      related: [],
    },
  });
  // A lesson that streams with HLS, in English only, with no course.
  out.push({
    key: 'streamed',
    unlisted: true,
    media: { ...first.media, video: 'index.m3u8', type: HLS },
    data: {
      ...first.data,
      id: 'streamed',
      slug: 'streamed-lesson',
      title: 'A lesson that streams',
      transcript: {
        sections: [
          {
            heading: '',
            paragraphs: [
              { id: 'p1', text: 'The opening seconds of the main lesson, streamed.', start: 0, end: 6 },
            ],
          },
        ],
      },
      course: null,
      locales: [{ locale: course.defaultLocale, slug: 'streamed-lesson', title: 'A lesson that streams' }],
      related: [],
      video: { ...first.data.video, duration: 6 },
    },
  });
  // A three-hour lecture (100 sections, 1,000 paragraphs) for the transcript's long-lesson test;
  // its video is the demo's short one, so playback through it is simulated there.
  const lecture = longLecture();
  const lectureEnd = lecture.sections.at(-1).paragraphs.at(-1).end;
  out.push({
    key: 'long',
    unlisted: true,
    media: first.media,
    data: {
      ...first.data,
      id: 'long',
      slug: 'three-hour-lecture',
      title: 'A three-hour lecture',
      transcript: lecture,
      course: null,
      locales: [{ locale: course.defaultLocale, slug: 'three-hour-lecture', title: 'A three-hour lecture' }],
      related: [],
      video: { ...first.data.video, duration: Math.ceil(lectureEnd) },
    },
  });
  // The main lesson with a heading that WebVTT must escape, for the player's chapter titles.
  out.push({
    key: 'marked-up-heading',
    unlisted: true,
    media: first.media,
    data: {
      ...first.data,
      id: 'marked-up-heading',
      slug: 'marked-up-heading',
      transcript: {
        sections: first.data.transcript.sections.map((s, i) =>
          i === 1 ? { ...s, heading: 'Rest & routine <b>' } : s,
        ),
      },
      course: null,
      locales: [{ locale: course.defaultLocale, slug: 'marked-up-heading', title: first.data.title }],
      related: [],
    },
  });
  return out;
}

function json(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const apiError = (status, name, message, details) => ({
  data: null,
  error: { status, name, message, ...(details ? { details } : {}) },
});

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function serveFile(req, res, file, type) {
  const size = statSync(file).size;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` });
      return res.end();
    }
    res.writeHead(206, {
      'Content-Type': type,
      'Content-Length': end - start + 1,
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Accept-Ranges': 'bytes',
    });
    return createReadStream(file, { start, end }).pipe(res);
  }
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': size, 'Accept-Ranges': 'bytes' });
  return createReadStream(file).pipe(res);
}

export async function startFixtureServer({ port = 0, host = '127.0.0.1' } = {}) {
  const course = JSON.parse(readFileSync(COURSE_FILE, 'utf8'));
  const lessons = buildLessons(course);
  const defaultLocale = course.defaultLocale;

  let users, tokens, progress, reports, rules, log, nextId;
  const reset = () => {
    users = [{ id: 1, ...READER, blocked: false }];
    tokens = new Map([['token-reader', 1]]);
    progress = new Map();
    reports = new Map();
    rules = [];
    log = [];
    nextId = 2;
  };
  reset();

  const lessonFor = (base, entry) => ({
    ...entry.data,
    video: {
      sources: [
        entry.media.type === HLS
          ? { src: `${base}/fixture/hls/${entry.media.video}`, type: HLS }
          : { src: `${base}/fixture/media/${basename(entry.media.video)}`, type: entry.media.type },
      ],
      poster: `${base}/fixture/media/${basename(entry.media.poster)}`,
      duration: entry.data.video.duration,
    },
  });
  // Validate every lesson against the shared contract once, at start.
  for (const entry of lessons) shared.lessonResponseSchema.parse({ data: lessonFor('http://x', entry) });

  /** The lesson with this slug (in any language), in the language the plugin would answer in (closestLocale). */
  const findLesson = (slug, locale) => {
    const any = lessons.find((l) => l.data.slug === slug);
    if (!any) return null;
    const versions = lessons.filter((l) => l.key === any.key);
    const chosen = shared.closestLocale(
      locale,
      versions.map((l) => l.data.locale),
      [defaultLocale, any.data.locale],
    );
    return versions.find((l) => l.data.locale === chosen) ?? any;
  };

  const userFor = (req) => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const id = token ? tokens.get(token) : undefined;
    return users.find((u) => u.id === id) ?? null;
  };
  const publicUser = (u) => ({ id: u.id, username: u.username, email: u.email });
  const issue = (user) => {
    const jwt = `token-${user.username}-${Math.random().toString(36).slice(2)}`;
    tokens.set(jwt, user.id);
    return { jwt, user: publicUser(user) };
  };

  const progressOf = (user, entry) => {
    const key = `${user.id}:${entry.key}`;
    const saved = progress.get(key) ?? { segments: [], position: 0 };
    const duration = entry.data.video.duration;
    const percent = shared.percentWatched(saved.segments, duration);
    const courseKeys = course.course.lessons;
    const completed = courseKeys.filter((k) => {
      const p = progress.get(`${user.id}:${k}`);
      const d = lessons.find((l) => l.key === k).data.video.duration;
      return p && shared.percentWatched(p.segments, d) >= 90;
    }).length;
    return {
      percent,
      completed: percent >= 90,
      position: saved.position,
      segments: saved.segments,
      ...(entry.data.course
        ? {
            course: {
              completed,
              total: courseKeys.length,
              percent: Math.round((completed / courseKeys.length) * 1000) / 10,
            },
          }
        : {}),
    };
  };

  /** The reader's percent in each lesson of the course, in one language (as the plugin answers it). */
  const courseProgressOf = (user, locale) => {
    const keys = course.course.lessons;
    const list = keys.map((key, i) => {
      const entry = lessons.find((l) => l.key === key && l.data.locale === locale);
      const saved = progress.get(`${user.id}:${key}`);
      const percent = saved ? shared.percentWatched(saved.segments, entry.data.video.duration) : 0;
      return {
        slug: entry.data.slug,
        title: entry.data.title,
        position: i + 1,
        percent,
        completed: percent >= 90,
      };
    });
    const completed = list.filter((l) => l.completed).length;
    return {
      slug: course.course[locale].slug,
      title: course.course[locale].title,
      completed,
      total: list.length,
      percent: Math.round((completed / list.length) * 1000) / 10,
      lessons: list,
    };
  };

  async function handle(req, res) {
    const url = new URL(req.url, `http://${req.headers.host}`);
    const base = `http://${req.headers.host}`;
    const path = url.pathname;
    const cors = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
      'Access-Control-Expose-Headers': 'Retry-After, ETag, Content-Disposition',
      'Access-Control-Max-Age': '600',
    };
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v);
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      return res.end();
    }

    if (path === '/__fixture/reset' && req.method === 'POST') {
      reset();
      return json(res, 200, { ok: true });
    }
    if (path === '/__fixture/fail' && req.method === 'POST') {
      rules.push({ times: 1, ...(await readBody(req)) });
      return json(res, 200, { ok: true });
    }
    if (path === '/__fixture/log') return json(res, 200, log);
    if (path === '/__fixture/token' && req.method === 'POST') {
      // A valid token for the seeded reader without going through the login form.
      return json(res, 200, issue(users[0]));
    }

    if (path.startsWith('/fixture/hls/')) {
      const file = join(HLS_DIR, basename(path));
      if (!existsSync(file)) return json(res, 404, apiError(404, 'NotFoundError', 'Not Found'));
      return serveFile(
        req,
        res,
        file,
        file.endsWith('.m3u8') ? 'application/vnd.apple.mpegurl' : 'video/mp4',
      );
    }
    if (path.startsWith('/fixture/media/')) {
      const file = join(MEDIA_DIR, basename(path));
      if (!existsSync(file)) return json(res, 404, apiError(404, 'NotFoundError', 'Not Found'));
      return serveFile(req, res, file, file.endsWith('.jpg') ? 'image/jpeg' : 'video/webm');
    }

    // The built widget, where the Strapi plugin serves it (for the demo page and size checks).
    const built =
      path === '/api/lessons/widget.js'
        ? join(DIST, 'widget.js')
        : /^\/api\/lessons\/widget\/([\w.-]+\.js)$/.exec(path)?.[1];
    if (built) {
      const file = built.startsWith('/') ? built : join(DIST, 'widget', built);
      if (!existsSync(file)) return json(res, 404, apiError(404, 'NotFoundError', 'Run npm run build first'));
      return serveFile(req, res, file, 'text/javascript; charset=utf-8');
    }

    if (!path.startsWith('/api/')) return json(res, 404, apiError(404, 'NotFoundError', 'Not Found'));
    const body = req.method === 'POST' || req.method === 'PUT' ? await readBody(req) : undefined;
    log.push({
      method: req.method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      auth: req.headers.authorization ?? null,
      at: Date.now(),
    });

    const rule = rules.find(
      (r) => r.times > 0 && (!r.method || r.method === req.method) && new RegExp(r.path).test(path),
    );
    if (rule) {
      rule.times--;
      if (rule.network) return req.socket.destroy();
      const headers = rule.retryAfter !== undefined ? { 'Retry-After': String(rule.retryAfter) } : {};
      return json(
        res,
        rule.status,
        rule.body ??
          apiError(
            rule.status,
            rule.status === 429 ? 'RateLimitError' : 'ApplicationError',
            'Failed on purpose',
          ),
        headers,
      );
    }

    // users-permissions
    if (path === '/api/auth/local' && req.method === 'POST') {
      const user = users.find((u) => u.email === body?.identifier || u.username === body?.identifier);
      if (!user || user.password !== body?.password)
        return json(res, 400, apiError(400, 'ValidationError', 'Invalid identifier or password'));
      return json(res, 200, issue(user));
    }
    if (path === '/api/auth/local/register' && req.method === 'POST') {
      const { username, email, password } = body ?? {};
      if (!username || !email || !password)
        return json(res, 400, apiError(400, 'ValidationError', 'Missing fields'));
      if (users.some((u) => u.email === email || u.username === username)) {
        return json(res, 400, apiError(400, 'ApplicationError', 'Email or Username are already taken'));
      }
      const user = { id: nextId++, username, email, password, blocked: false };
      users.push(user);
      return json(res, 200, issue(user));
    }
    if (path === '/api/users/me') {
      const user = userFor(req);
      return user
        ? json(res, 200, publicUser(user))
        : json(res, 401, apiError(401, 'UnauthorizedError', 'Missing or invalid credentials'));
    }

    // the lessons plugin
    if (path === '/api/lessons' && req.method === 'GET') {
      const locale = url.searchParams.get('locale') ?? defaultLocale;
      const search = (url.searchParams.get('search') ?? '').toLowerCase();
      const tag = url.searchParams.get('tag');
      const page = Number(url.searchParams.get('page') ?? 1);
      const pageSize = Number(url.searchParams.get('pageSize') ?? 10);
      const known = shared.closestLocale(locale, course.locales, [defaultLocale]);
      const found = lessons
        .filter((l) => l.data.locale === known && !l.unlisted)
        .filter((l) => !search || `${l.data.title} ${l.data.summary}`.toLowerCase().includes(search))
        .filter((l) => !tag || l.data.tags.some((t) => t.slug === tag));
      const data = found.slice((page - 1) * pageSize, page * pageSize).map((l) => {
        const full = lessonFor(base, l);
        return {
          id: full.id,
          slug: full.slug,
          locale: full.locale,
          title: full.title,
          summary: full.summary,
          poster: full.video.poster,
          duration: full.video.duration ?? null,
          tags: full.tags,
          category: full.category,
          publishedAt: full.publishedAt,
        };
      });
      const list = {
        data,
        meta: {
          pagination: { page, pageSize, pageCount: Math.ceil(found.length / pageSize), total: found.length },
        },
      };
      return json(res, 200, shared.lessonListSchema.parse(list));
    }

    const m =
      /^\/api\/lessons\/([^/]+)(?:\/(transcript|reports|progress|course-progress|embed\.html))?$/.exec(path);
    if (!m) return json(res, 404, apiError(404, 'NotFoundError', 'Not Found'));
    const entry = findLesson(decodeURIComponent(m[1]), url.searchParams.get('locale') ?? defaultLocale);
    if (!entry) return json(res, 404, apiError(404, 'NotFoundError', 'Lesson not found'));
    const lesson = lessonFor(base, entry);

    switch (m[2]) {
      case undefined: {
        const etag = `"${entry.key}-${lesson.locale}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { ETag: etag });
          return res.end();
        }
        return json(res, 200, { data: lesson }, { ETag: etag, 'Cache-Control': 'no-cache' });
      }
      case 'transcript': {
        const format = url.searchParams.get('format') ?? 'vtt';
        const { mime, extension } = shared.TRANSCRIPT_FORMATS[format] ?? shared.TRANSCRIPT_FORMATS.vtt;
        res.writeHead(200, {
          'Content-Type': mime,
          'Content-Disposition': `attachment; filename="${lesson.slug}.${lesson.locale}.${extension}"`,
        });
        return res.end(
          shared.formatTranscript(lesson.transcript, format, lesson.title, lesson.video?.duration),
        );
      }
      case 'embed.html': {
        const esc = (s) =>
          String(s)
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/"/g, '&quot;');
        const sections = lesson.transcript.sections
          .map((s) => {
            const paragraphs = s.paragraphs
              .map(
                (p) =>
                  `<p data-paragraph-id="${esc(p.id)}"${p.start !== undefined ? ` data-start="${p.start}" data-end="${p.end}"` : ''}>${esc(p.text)}</p>`,
              )
              .join('');
            return `<section>${s.heading ? `<h2>${esc(s.heading)}</h2>` : ''}${paragraphs}</section>`;
          })
          .join('');
        const poster = lesson.video?.poster
          ? `<img src="${esc(lesson.video.poster)}" alt="" width="1280" height="720">`
          : '';
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return res.end(
          `<lesson-widget api="${esc(base)}" lesson="${esc(lesson.slug)}" lang="${esc(lesson.locale)}"><h1>${esc(lesson.title)}</h1>${poster}${sections}</lesson-widget>`,
        );
      }
      case 'reports': {
        if (req.method !== 'POST')
          return json(res, 405, apiError(405, 'MethodNotAllowedError', 'Method Not Allowed'));
        const parsed = shared.errorReportInputSchema.safeParse(body);
        if (!parsed.success) {
          return json(
            res,
            400,
            apiError(400, 'ValidationError', 'Invalid report', { errors: shared.fieldErrors(parsed.error) }),
          );
        }
        const previous = reports.get(parsed.data.idempotencyKey);
        if (previous) return json(res, 201, previous);
        const answer = { data: { id: `report-${reports.size + 1}`, state: 'new' } };
        reports.set(parsed.data.idempotencyKey, answer);
        return json(res, 201, answer);
      }
      case 'progress': {
        const user = userFor(req);
        if (!user)
          return json(res, 401, apiError(401, 'UnauthorizedError', 'Missing or invalid credentials'));
        if (req.method === 'PUT') {
          const parsed = shared.progressInputSchema.safeParse(body);
          if (!parsed.success)
            return json(
              res,
              400,
              apiError(400, 'ValidationError', 'Invalid progress', {
                errors: shared.fieldErrors(parsed.error),
              }),
            );
          const key = `${user.id}:${entry.key}`;
          const saved = progress.get(key) ?? { segments: [], position: 0 };
          progress.set(key, {
            segments: shared.mergeSegments(
              [...saved.segments, ...parsed.data.segments],
              lesson.video.duration,
            ),
            position: parsed.data.position,
          });
        }
        return json(res, 200, shared.progressResponseSchema.parse({ data: progressOf(user, entry) }));
      }
      case 'course-progress': {
        const user = userFor(req);
        if (!user)
          return json(res, 401, apiError(401, 'UnauthorizedError', 'Missing or invalid credentials'));
        if (!entry.data.course)
          return json(res, 404, apiError(404, 'NotFoundError', 'This lesson is not part of a course.'));
        return json(
          res,
          200,
          shared.courseProgressResponseSchema.parse({ data: courseProgressOf(user, entry.data.locale) }),
        );
      }
      default:
        return json(res, 404, apiError(404, 'NotFoundError', 'Not Found'));
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('fixture server:', error);
      if (!res.headersSent) json(res, 500, apiError(500, 'InternalServerError', String(error)));
    });
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  server.unref();
  const url = `http://${host}:${server.address().port}`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

// `node test/fixture-server.mjs` runs it alone (PORT, default 1337), e.g. for the demo page.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { url } = await startFixtureServer({ port: Number(process.env.PORT ?? 1337) });
  console.log(`fixture API on ${url}`);
  setInterval(() => {}, 1 << 30);
}
