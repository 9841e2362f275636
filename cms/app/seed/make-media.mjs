#!/usr/bin/env node
// Generates the demo course's videos and posters from demo-course.source.json,
// then writes demo-course.json with the measured cue times.
//
//   apt-get install -y ffmpeg espeak-ng     (plus fonts-dejavu-core if no font is found)
//   node cms/app/seed/make-media.mjs
//
// Plain Node (>= 18), no npm dependencies. Speech comes from espeak-ng, slides and
// encoding from ffmpeg. Every paragraph is spoken to its own WAV; the clips are joined
// sample-exactly in memory, so each cue's start/end is exactly where its speech starts
// and ends in the final audio track.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SOURCE = path.join(HERE, 'demo-course.source.json');
const OUTPUT = path.join(HERE, 'demo-course.json');
const MEDIA_DIR = path.join(HERE, 'media');

// ---- settings ---------------------------------------------------------------------
const VOICES = { en: 'en', es: 'es' };
const SPEED = 165; // words per minute
const WIDTH = 640;
const HEIGHT = 360;
const FPS = 4;
const GOP = FPS * 4; // a keyframe every 4 s, so seeking stays cheap
const AUDIO_BITRATE = '24k';
const LEAD_IN = 0.6; // title slide before the first paragraph
const GAP_PARAGRAPH = 0.4; // between paragraphs of one section
const GAP_BEFORE_HEADING = 0.9; // before a spoken section heading
const GAP_AFTER_HEADING = 0.6; // between a heading and its first paragraph
const SLIDE_LEAD = 0.3; // the next slide appears this long before its heading is spoken
const TAIL = 0.2; // silence kept after the last cue
const SILENCE_THRESHOLD = 300; // |sample| below this counts as silence when trimming clips
const TRIM_MARGIN = 0.01; // seconds of silence kept around speech when trimming
const MAX_BYTES_MAIN = 3 * 1024 * 1024;
const MAX_BYTES_SHORT = 1024 * 1024;
const MAX_POSTER_BYTES = 60 * 1024;
const MAIN_LESSON = 'regaining-social-connection';

const COLORS = {
  background: '0x1d3557',
  accent: '0xe9c46a',
  title: '0xffffff',
  muted: '0xa8c5da',
};

// ---- helpers ----------------------------------------------------------------------
function run(cmd, args, opts = {}) {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
      ...opts,
    });
  } catch (err) {
    const detail = err.stderr ? String(err.stderr).trim().split('\n').slice(-15).join('\n') : err.message;
    throw new Error(`${cmd} ${args.join(' ')}\n${detail}`);
  }
}

function requireTool(name, versionFlag) {
  try {
    execFileSync(name, [versionFlag], { stdio: 'ignore' });
  } catch {
    console.error(`"${name}" was not found. Install it first: apt-get install -y ffmpeg espeak-ng`);
    process.exit(1);
  }
}

function findFont(bold) {
  const candidates = bold
    ? [
        '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
        '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
      ]
    : [
        '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
        '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
      ];
  for (const c of candidates) if (fs.existsSync(c)) return c;
  try {
    const found = run('fc-match', ['-f', '%{file}', bold ? 'sans:bold' : 'sans']).trim();
    if (found && fs.existsSync(found)) return found;
  } catch {
    /* fall through */
  }
  console.error('No usable font found. Install one: apt-get install -y fonts-dejavu-core');
  process.exit(1);
}

/** Parses a PCM WAV file; returns its format and the raw sample bytes of the data chunk. */
function readWav(file) {
  const buf = fs.readFileSync(file);
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error(`${file} is not a WAV file`);
  }
  let fmt = null;
  let data = null;
  let off = 12;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (body + size > buf.length) size = buf.length - body; // streamed WAVs may lie about sizes
    if (id === 'fmt ') {
      fmt = {
        format: buf.readUInt16LE(body),
        channels: buf.readUInt16LE(body + 2),
        sampleRate: buf.readUInt32LE(body + 4),
        byteRate: buf.readUInt32LE(body + 8),
        blockAlign: buf.readUInt16LE(body + 12),
        bitsPerSample: buf.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      data = buf.subarray(body, body + size);
      break;
    }
    off = body + size + (size & 1);
  }
  if (!fmt || !data) throw new Error(`${file}: missing fmt or data chunk`);
  if (fmt.format !== 1 || fmt.bitsPerSample !== 16 || fmt.channels !== 1) {
    throw new Error(`${file}: expected 16-bit mono PCM, got ${JSON.stringify(fmt)}`);
  }
  data = data.subarray(0, data.length - (data.length % fmt.blockAlign));
  return { ...fmt, data, duration: data.length / fmt.byteRate };
}

function writeWav(file, sampleRate, pcm) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  fs.writeFileSync(file, Buffer.concat([header, pcm]));
}

/** Cuts the leading and trailing silence espeak-ng adds, so cue times match the speech. */
function trimSilence(wav) {
  const n = wav.data.length / 2;
  let first = 0;
  while (first < n && Math.abs(wav.data.readInt16LE(first * 2)) < SILENCE_THRESHOLD) first++;
  let last = n - 1;
  while (last > first && Math.abs(wav.data.readInt16LE(last * 2)) < SILENCE_THRESHOLD) last--;
  if (first >= n) return wav; // all silent: keep as is
  const margin = Math.round(TRIM_MARGIN * wav.sampleRate);
  const from = Math.max(0, first - margin);
  const to = Math.min(n, last + 1 + margin);
  const data = wav.data.subarray(from * 2, to * 2);
  return { ...wav, data, duration: data.length / wav.byteRate };
}

let clipCounter = 0;
function speak(text, locale, tmp) {
  const id = String(++clipCounter).padStart(4, '0');
  const txt = path.join(tmp, `say-${id}.txt`);
  const wav = path.join(tmp, `say-${id}.wav`);
  fs.writeFileSync(txt, text, 'utf8');
  run('espeak-ng', ['-v', VOICES[locale], '-s', String(SPEED), '-w', wav, '-f', txt]);
  return trimSilence(readWav(wav));
}

/** Greedy word wrap by character count (DejaVu Sans averages ~0.56 em per character, bold ~0.64). */
function wrap(text, fontSize, maxWidth = WIDTH - 96, bold = false) {
  const maxChars = Math.max(8, Math.floor(maxWidth / (fontSize * (bold ? 0.64 : 0.56))));
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else {
      line = line ? line + ' ' + word : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Renders one still image (PNG slide or JPEG poster) with ffmpeg drawtext. Each text line is
 * read from its own file (textfile= with expansion=none), so quotes, colons, commas and
 * accents need no escaping.
 */
function renderCard(outFile, items, tmp, fonts, extraArgs = []) {
  const filters = [
    // a thin accent bar on the left and a rule under the header area
    `drawbox=x=0:y=0:w=10:h=${HEIGHT}:color=${COLORS.accent}:t=fill`,
  ];
  let n = 0;
  for (const it of items) {
    if (it.box) {
      filters.push(
        `drawbox=x=${it.box.x}:y=${it.box.y}:w=${it.box.w}:h=${it.box.h}:color=${it.box.color}:t=fill`,
      );
      continue;
    }
    const lines = wrap(it.text, it.size, it.maxWidth, it.font === fonts.bold);
    const lineHeight = Math.round(it.size * 1.3);
    let y = it.centerY !== undefined ? Math.round(it.centerY - (lines.length * lineHeight) / 2) : it.y;
    for (const line of lines) {
      const tf = path.join(tmp, `line-${process.pid}-${++n}.txt`);
      fs.writeFileSync(tf, line, 'utf8');
      const x = it.align === 'left' ? String(it.x ?? 32) : '(w-text_w)/2';
      filters.push(
        `drawtext=fontfile=${it.font}:textfile=${tf}:expansion=none:fontsize=${it.size}:fontcolor=${it.color}:x=${x}:y=${y}`,
      );
      y += lineHeight;
    }
  }
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=${COLORS.background}:s=${WIDTH}x${HEIGHT}:d=1`,
    '-vf',
    filters.join(','),
    '-frames:v',
    '1',
    ...extraArgs,
    outFile,
  ]);
}

function titleCardItems(ctx) {
  const { fonts, courseTitle, lessonTitle, position, total, categoryName, lessonWord, ofWord } = ctx;
  return [
    { text: courseTitle.toUpperCase(), font: fonts.bold, size: 18, color: COLORS.accent, y: 70 },
    { text: lessonTitle, font: fonts.bold, size: 38, color: COLORS.title, centerY: 180 },
    { box: { x: 270, y: 262, w: 100, h: 3, color: COLORS.accent } },
    {
      text: `${lessonWord} ${position} ${ofWord} ${total}  ·  ${categoryName}`,
      font: fonts.regular,
      size: 18,
      color: COLORS.muted,
      y: 284,
    },
  ];
}

function sectionSlideItems(ctx, heading) {
  const { fonts, lessonTitle, position, total, lessonWord, ofWord } = ctx;
  return [
    {
      text: lessonTitle,
      font: fonts.regular,
      size: 20,
      color: COLORS.muted,
      y: 26,
      align: 'left',
      x: 36,
      maxWidth: WIDTH - 72,
    },
    { box: { x: 36, y: 62, w: WIDTH - 72, h: 2, color: COLORS.accent } },
    { text: heading, font: fonts.bold, size: 34, color: COLORS.title, centerY: 200 },
    {
      text: `${lessonWord} ${position} ${ofWord} ${total}`,
      font: fonts.regular,
      size: 16,
      color: COLORS.muted,
      y: 322,
    },
  ];
}

const round2 = (x) => Math.round(x * 100) / 100;
const fmtBytes = (b) =>
  b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`;

function probeDuration(file) {
  return Number(
    run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).trim(),
  );
}

// ---- one lesson in one language ---------------------------------------------------
function buildLessonMedia({ data, lesson, locale, position, tmpRoot, fonts }) {
  const tmp = fs.mkdtempSync(path.join(tmpRoot, `${lesson.key}-${locale}-`));
  const loc = lesson[locale];
  const words =
    locale === 'es' ? { lessonWord: 'Lección', ofWord: 'de' } : { lessonWord: 'Lesson', ofWord: 'of' };
  const ctx = {
    fonts,
    courseTitle: data.course[locale].title,
    lessonTitle: loc.title,
    categoryName: data.category[locale].name,
    position,
    total: data.course.lessons.length,
    ...words,
  };

  // 1. audio timeline, sample-exact
  const chunks = [];
  let sampleRate = null;
  let cursor = 0; // in samples
  const at = () => cursor / sampleRate;
  const push = (wav) => {
    if (sampleRate === null) sampleRate = wav.sampleRate;
    if (wav.sampleRate !== sampleRate) throw new Error('espeak-ng produced mixed sample rates');
    chunks.push(wav.data);
    cursor += wav.data.length / 2;
  };
  const silence = (seconds) => {
    const n = Math.round(seconds * sampleRate);
    chunks.push(Buffer.alloc(n * 2));
    cursor += n;
  };

  const sections = loc.transcript.sections;
  // speak everything first (so the sample rate is known before any silence is added)
  const spoken = sections.map((s) => ({
    heading: s.heading.trim() ? speak(s.heading.trim(), locale, tmp) : null,
    paragraphs: s.paragraphs.map((p) => speak(p.text, locale, tmp)),
  }));
  sampleRate = spoken[0].paragraphs[0].sampleRate;

  const cues = []; // parallel to sections/paragraphs
  const slideStarts = [];
  silence(LEAD_IN);
  sections.forEach((section, si) => {
    const clips = spoken[si];
    if (si > 0) silence(GAP_BEFORE_HEADING);
    if (clips.heading) {
      slideStarts.push(si === 0 ? 0 : Math.max(0, at() - SLIDE_LEAD));
      push(clips.heading);
      silence(GAP_AFTER_HEADING);
    } else {
      slideStarts.push(si === 0 ? 0 : Math.max(0, at() - SLIDE_LEAD));
    }
    cues.push(
      clips.paragraphs.map((clip, pi) => {
        if (pi > 0) silence(GAP_PARAGRAPH);
        const start = at();
        push(clip);
        return { start, end: at() };
      }),
    );
  });
  const lastEnd = at();
  silence(TAIL);
  const total = at();
  const wavFile = path.join(tmp, 'track.wav');
  writeWav(wavFile, sampleRate, Buffer.concat(chunks));

  // 2. slides: the intro (empty heading) shows the title card; others show the heading
  const slideFiles = sections.map((s, si) => {
    const file = path.join(tmp, `slide-${si}.png`);
    renderCard(
      file,
      s.heading.trim() ? sectionSlideItems(ctx, s.heading.trim()) : titleCardItems(ctx),
      tmp,
      fonts,
    );
    return file;
  });

  // 3. poster
  const posterFile = path.join(MEDIA_DIR, `${lesson.key}.${locale}.jpg`);
  renderCard(posterFile, titleCardItems(ctx), tmp, fonts, [
    '-q:v',
    '5',
    '-pix_fmt',
    'yuvj420p',
    '-fflags',
    '+bitexact',
    '-flags',
    '+bitexact',
    '-map_metadata',
    '-1',
  ]);

  // 4. video: each slide is looped for a whole number of frames, then all are concatenated
  // never longer than the audio, so the file ends TAIL seconds after the last cue
  const totalFrames = Math.floor(total * FPS);
  const bounds = slideStarts.map((t) => Math.round(t * FPS)).concat(totalFrames);
  const inputs = [];
  const parts = [];
  slideFiles.forEach((f, i) => {
    const frames = Math.max(1, bounds[i + 1] - bounds[i]);
    inputs.push('-loop', '1', '-framerate', String(FPS), '-i', f);
    parts.push(`[${i}:v]trim=end_frame=${frames},setpts=PTS-STARTPTS,format=yuv420p[v${i}]`);
  });
  const graph = `${parts.join(';')};${slideFiles.map((_, i) => `[v${i}]`).join('')}concat=n=${slideFiles.length}:v=1:a=0[v]`;
  const videoFile = path.join(MEDIA_DIR, `${lesson.key}.${locale}.webm`);
  run('ffmpeg', [
    '-v',
    'error',
    '-y',
    ...inputs,
    '-i',
    wavFile,
    '-filter_complex',
    graph,
    '-map',
    '[v]',
    '-map',
    `${slideFiles.length}:a`,
    '-c:v',
    'libvpx-vp9',
    '-b:v',
    '0',
    '-crf',
    '42',
    '-g',
    String(GOP),
    '-keyint_min',
    String(GOP),
    '-deadline',
    'good',
    '-cpu-used',
    '4',
    '-row-mt',
    '0',
    '-threads',
    '1',
    '-c:a',
    'libopus',
    '-b:a',
    AUDIO_BITRATE,
    '-ac',
    '1',
    '-ar',
    '48000',
    '-t',
    total.toFixed(3),
    '-fflags',
    '+bitexact',
    '-flags:v',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-map_metadata',
    '-1',
    '-cues_to_front',
    '1',
    videoFile,
  ]);

  // 5. verify the file decodes cleanly and matches the cue times
  const decodeErrors = run('ffmpeg', ['-v', 'error', '-i', videoFile, '-f', 'null', '-']).trim();
  if (decodeErrors) throw new Error(`${videoFile} has decode errors:\n${decodeErrors}`);
  const duration = probeDuration(videoFile);
  if (!(Math.abs(duration - lastEnd) <= 0.5)) {
    throw new Error(`${videoFile}: duration ${duration} is not within 0.5 s of the last cue end ${lastEnd}`);
  }

  // 6. the localized lesson with times filled in
  const out = structuredClone(loc);
  out.video = {
    file: `media/${lesson.key}.${locale}.webm`,
    type: 'video/webm',
    poster: `media/${lesson.key}.${locale}.jpg`,
    duration: round2(duration),
  };
  out.transcript.sections = loc.transcript.sections.map((s, si) => ({
    heading: s.heading,
    paragraphs: s.paragraphs.map((p, pi) => {
      const c = cues[si][pi];
      const start = round2(c.start);
      const end = Math.max(round2(c.end), start + 0.01);
      return { id: p.id, text: p.text, start, end: round2(end) };
    }),
  }));

  fs.rmSync(tmp, { recursive: true, force: true });
  return {
    localized: out,
    rows: [
      {
        file: path.relative(HERE, videoFile),
        bytes: fs.statSync(videoFile).size,
        duration,
        lastEnd,
        main: lesson.key === MAIN_LESSON,
      },
      { file: path.relative(HERE, posterFile), bytes: fs.statSync(posterFile).size, poster: true },
    ],
  };
}

// ---- main -------------------------------------------------------------------------
function validateSource(data) {
  const tagKeys = new Set(data.tags.map((t) => t.key));
  const lessonKeys = new Set(data.lessons.map((l) => l.key));
  for (const key of data.course.lessons)
    if (!lessonKeys.has(key)) throw new Error(`course lists unknown lesson "${key}"`);
  for (const l of data.lessons) {
    for (const t of l.tags) if (!tagKeys.has(t)) throw new Error(`lesson ${l.key} uses unknown tag "${t}"`);
    for (const locale of data.locales) {
      const loc = l[locale];
      if (!loc) throw new Error(`lesson ${l.key} has no "${locale}" version`);
      const ids = new Set();
      for (const s of loc.transcript.sections) {
        for (const p of s.paragraphs) {
          if (ids.has(p.id)) throw new Error(`lesson ${l.key}/${locale}: paragraph id ${p.id} is used twice`);
          ids.add(p.id);
          if (/[<>]/.test(p.text)) throw new Error(`lesson ${l.key}/${locale}/${p.id}: avoid "<" and ">"`);
        }
      }
    }
  }
}

function main() {
  requireTool('espeak-ng', '--version');
  requireTool('ffmpeg', '-version');
  requireTool('ffprobe', '-version');
  const fonts = { regular: findFont(false), bold: findFont(true) };

  const data = JSON.parse(fs.readFileSync(SOURCE, 'utf8'));
  validateSource(data);
  fs.mkdirSync(MEDIA_DIR, { recursive: true });

  const expected = new Set();
  for (const l of data.lessons)
    for (const loc of data.locales) for (const ext of ['webm', 'jpg']) expected.add(`${l.key}.${loc}.${ext}`);
  // drop media left over from renamed lessons, so the folder matches the course
  for (const f of fs.readdirSync(MEDIA_DIR)) {
    if (/\.(webm|jpg)$/.test(f) && !expected.has(f)) fs.rmSync(path.join(MEDIA_DIR, f));
  }

  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-course-media-'));
  const rows = [];
  const result = structuredClone(data);
  try {
    result.lessons = data.lessons.map((lesson) => {
      const position = data.course.lessons.indexOf(lesson.key) + 1;
      const outLesson = { key: lesson.key, tags: lesson.tags };
      for (const locale of data.locales) {
        process.stdout.write(`  ${lesson.key}.${locale} ... `);
        const { localized, rows: r } = buildLessonMedia({ data, lesson, locale, position, tmpRoot, fonts });
        outLesson[locale] = localized;
        rows.push(...r);
        console.log('ok');
      }
      return outLesson;
    });
  } finally {
    fs.rmSync(tmpRoot, { recursive: true, force: true });
  }

  fs.writeFileSync(OUTPUT, JSON.stringify(result, null, 2) + '\n', 'utf8');

  // report
  const problems = [];
  const w = Math.max(...rows.map((r) => r.file.length));
  console.log(
    `\n${'file'.padEnd(w)}  ${'size'.padStart(9)}  ${'duration'.padStart(8)}  ${'last cue'.padStart(8)}`,
  );
  let totalBytes = 0;
  for (const r of rows) {
    totalBytes += r.bytes;
    const dur = r.duration !== undefined ? r.duration.toFixed(2) : '';
    const cue = r.lastEnd !== undefined ? r.lastEnd.toFixed(2) : '';
    console.log(
      `${r.file.padEnd(w)}  ${fmtBytes(r.bytes).padStart(9)}  ${dur.padStart(8)}  ${cue.padStart(8)}`,
    );
    const limit = r.poster ? MAX_POSTER_BYTES : r.main ? MAX_BYTES_MAIN : MAX_BYTES_SHORT;
    if (r.bytes > limit)
      problems.push(`${r.file} is ${fmtBytes(r.bytes)}, over the ${fmtBytes(limit)} limit`);
  }
  console.log(`${'total'.padEnd(w)}  ${fmtBytes(totalBytes).padStart(9)}`);
  console.log(`\nwrote ${path.relative(process.cwd(), OUTPUT) || OUTPUT}`);
  if (problems.length) {
    console.error('\n' + problems.join('\n'));
    process.exit(1);
  }
}

main();
