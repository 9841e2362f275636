import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import {
  CaptionsImportError,
  TRANSCRIPT_FORMATS,
  detectCaptionFormat,
  formatTranscript,
  parseCaptions,
  splitForCaptions,
  toPlainText,
  toSRT,
  toWebVTT,
  toWebVTTChapters,
  transcriptQuerySchema,
} from './index.js';
import { chaptersOf, emptyTranscript, paragraphsOf, transcriptSchema, type Transcript } from './index.js';

// webvtt-parser (the W3C validator's parser) ships no types; describe the part we use.
interface ValidatorNode {
  type?: string;
  value?: string;
  children?: ValidatorNode[];
}
interface ValidatorCue {
  id: string;
  startTime: number;
  endTime: number;
  text: string;
  tree: ValidatorNode;
}
interface ValidatorResult {
  cues: ValidatorCue[];
  errors: Array<{ message: string; line: number; col?: number }>;
}
const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new (entities?: Record<string, string>) => {
    parse(input: string, mode?: 'subtitles' | 'metadata' | 'chapters'): ValidatorResult;
  };
};
// The full HTML entity table, as the W3C validator loads it (the built-in fallback mis-decodes "&amp;").
const htmlEntities = require('webvtt-parser/html-entities.json') as Record<string, string>;

/** Parses with the W3C validator and fails on any error. */
function validateVTT(vtt: string, mode: 'subtitles' | 'chapters' = 'subtitles'): ValidatorCue[] {
  const result = new WebVTTParser(htmlEntities).parse(vtt, mode);
  assert.deepEqual(result.errors, [], `WebVTT validator errors for:\n${vtt}`);
  return result.cues;
}

/** The text a player shows for a validated cue (entities decoded, tags dropped). */
function shownText(node: ValidatorNode): string {
  if (node.type === 'text') return node.value ?? '';
  return (node.children ?? []).map(shownText).join('');
}

const near = (a: number | undefined, b: number | undefined, what: string) => {
  assert.ok(a !== undefined && b !== undefined, `${what}: missing time`);
  assert.ok(Math.abs(a - b) <= 0.001 + 1e-9, `${what}: ${a} vs ${b}`);
};

const LONG =
  'Photosynthesis happens in the chloroplasts. The light reactions capture energy from the sun and store it in ATP and NADPH. ' +
  'Then the Calvin cycle uses that energy to build sugar from carbon dioxide, one small step at a time, in the stroma of the chloroplast. ' +
  'Finally, the sugar leaves the leaf and feeds the rest of the plant.';

function timedLesson(): Transcript {
  return transcriptSchema.parse({
    sections: [
      {
        heading: '',
        paragraphs: [{ id: 'p1', text: 'Welcome to the lesson on plants.', start: 0, end: 3.25 }],
      },
      {
        heading: 'How leaves work',
        paragraphs: [
          { id: 'p2', text: LONG, start: 3.25, end: 41.7 },
          { id: 'p3', text: 'That is the whole story, more or less.', start: 43, end: 46.123 },
        ],
      },
      {
        heading: 'Summary & next steps',
        paragraphs: [{ id: 'intro-2_b', text: 'Next time: roots.', start: 3600.5, end: 3605 }],
      },
    ],
  });
}

const untimedLesson = (): Transcript =>
  transcriptSchema.parse({
    sections: [
      { heading: '', paragraphs: [{ id: 'a', text: 'An untimed opening.' }] },
      { heading: 'Part one', paragraphs: [{ id: 'b', text: 'More words.' }] },
    ],
  });

describe('splitForCaptions', () => {
  it('keeps a short paragraph as one piece', () => {
    assert.deepEqual(splitForCaptions('Hello there.'), ['Hello there.']);
  });

  it('splits long text into pieces no longer than the limit, losing no words', () => {
    const pieces = splitForCaptions(LONG);
    assert.ok(pieces.length > 1);
    for (const p of pieces) assert.ok(p.length <= 84, `"${p}" is ${p.length} characters`);
    assert.equal(pieces.join(' '), LONG);
  });

  it('prefers to break after a sentence end', () => {
    const pieces = splitForCaptions(
      'This first sentence is long enough to stand on its own line. Then a second one follows it.',
    );
    assert.deepEqual(pieces, [
      'This first sentence is long enough to stand on its own line.',
      'Then a second one follows it.',
    ]);
  });

  it('normalises whitespace and honours a custom limit', () => {
    assert.deepEqual(splitForCaptions('  one   two\nthree\tfour  ', 9), ['one two', 'three', 'four']);
  });

  it('never splits inside a word that is longer than the limit', () => {
    assert.deepEqual(splitForCaptions('a supercalifragilistic b', 10), ['a', 'supercalifragilistic', 'b']);
  });
});

describe('toWebVTT', () => {
  it('is valid WebVTT for a normal transcript', () => {
    const vtt = toWebVTT(timedLesson());
    assert.ok(vtt.startsWith('WEBVTT\n\n'));
    assert.ok(vtt.endsWith('\n'));
    const cues = validateVTT(vtt);
    assert.ok(cues.length >= 4);
    // every cue id names its paragraph
    for (const c of cues) assert.match(c.id, /^(p1|p2|p3|intro-2_b)\.\d+$/);
    // the text players show is the transcript's text
    const shown = cues.map((c) => shownText(c.tree)).join(' ');
    assert.equal(
      shown,
      paragraphsOf(timedLesson())
        .map((p) => p.text)
        .join(' '),
    );
  });

  it('writes hh:mm:ss.mmm timestamps, hours included', () => {
    const vtt = toWebVTT(timedLesson());
    assert.match(vtt, /^p1\.1\n00:00:00\.000 --> 00:00:03\.250\nWelcome to the lesson on plants\.$/m);
    assert.match(vtt, /\n01:00:00\.500 --> 01:00:05\.000\nNext time: roots\.\n/);
    assert.match(vtt, /00:00:43\.000 --> 00:00:46\.123/);
  });

  it('is valid WebVTT when the text contains -->, &, < and >', () => {
    const text = 'If a --> b & c < d, then <b>e</b> > f &amp; g; also &lt; stays literal.';
    const t = transcriptSchema.parse({
      sections: [{ heading: 'A --> B & <C>', paragraphs: [{ id: 'x', text, start: 1, end: 5 }] }],
    });
    const vtt = toWebVTT(t);
    const cues = validateVTT(vtt);
    assert.ok(cues.length >= 1);
    assert.equal(
      cues.map((c) => shownText(c.tree)).join(' '),
      text,
      'a player shows exactly the original text',
    );
    // "-->" only ever appears on timing lines
    for (const line of vtt.split('\n')) {
      if (line.includes('-->')) assert.match(line, /^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}$/);
    }
  });

  it('puts each heading in a NOTE Section block before its first cue', () => {
    const vtt = toWebVTT(timedLesson());
    const blocks = vtt.trimEnd().split('\n\n');
    const i = blocks.indexOf('NOTE Section: How leaves work');
    assert.ok(i > 0, vtt);
    assert.match(blocks[i + 1]!, /^p2\.1\n/);
    const j = blocks.indexOf('NOTE Section: Summary & next steps');
    assert.ok(j > i);
    assert.match(blocks[j + 1]!, /^intro-2_b\.1\n/);
    // the opening section has no heading, so no NOTE before p1
    assert.match(blocks[1]!, /^p1\.1\n/);
    assert.equal(blocks.filter((b) => b.startsWith('NOTE')).length, 2);
  });

  it('keeps a multi-line heading on one NOTE line, without -->', () => {
    const t = transcriptSchema.parse({
      sections: [
        { heading: 'Part\n\none --> two', paragraphs: [{ id: 'x', text: 'Hi.', start: 0, end: 1 }] },
      ],
    });
    const vtt = toWebVTT(t);
    validateVTT(vtt);
    assert.match(vtt, /\nNOTE Section: Part one → two\n\n/);
  });

  it('splits a long paragraph into cues whose times are contiguous and end at the paragraph end', () => {
    const cues = validateVTT(toWebVTT(timedLesson())).filter((c) => c.id.startsWith('p2.'));
    assert.ok(cues.length >= 3, `expected several cues, got ${cues.length}`);
    assert.deepEqual(
      cues.map((c) => c.id),
      cues.map((_, i) => `p2.${i + 1}`),
    );
    near(cues[0]!.startTime, 3.25, 'first cue starts with the paragraph');
    near(cues.at(-1)!.endTime, 41.7, 'last cue ends with the paragraph');
    for (let i = 1; i < cues.length; i++) {
      assert.equal(cues[i]!.startTime, cues[i - 1]!.endTime, `cue ${i + 1} starts where cue ${i} ends`);
    }
    for (const c of cues) {
      assert.ok(c.endTime > c.startTime);
      assert.ok(c.text.length <= 84);
    }
    // time is shared roughly in proportion to text length
    const perChar = cues.map((c) => (c.endTime - c.startTime) / c.text.length);
    for (const r of perChar) assert.ok(Math.abs(r - perChar[0]!) < 0.01);
  });

  it('an untimed transcript gives just the header', () => {
    const vtt = toWebVTT(untimedLesson());
    assert.equal(vtt, 'WEBVTT\n');
    assert.deepEqual(validateVTT(vtt), []);
  });

  it('an empty transcript gives just the header', () => {
    assert.equal(toWebVTT(emptyTranscript()), 'WEBVTT\n');
    validateVTT(toWebVTT(emptyTranscript()));
  });

  it('only timed paragraphs become cues, and a heading is kept when the section starts untimed', () => {
    const t = transcriptSchema.parse({
      sections: [
        {
          heading: 'Mixed',
          paragraphs: [
            { id: 'u', text: 'No times here.' },
            { id: 't', text: 'Timed words.', start: 2, end: 4 },
          ],
        },
      ],
    });
    const vtt = toWebVTT(t);
    const cues = validateVTT(vtt);
    assert.deepEqual(
      cues.map((c) => c.id),
      ['t.1'],
    );
    assert.match(vtt, /NOTE Section: Mixed\n\nt\.1\n/);
  });
});

describe('chaptersOf and toWebVTTChapters', () => {
  it('makes one chapter per section, the untitled opening named after the lesson, covering the timeline', () => {
    assert.deepEqual(chaptersOf(timedLesson(), 'Plants'), [
      { title: 'Plants', start: 0, end: 3.25 },
      { title: 'How leaves work', start: 3.25, end: 3600.5 },
      { title: 'Summary & next steps', start: 3600.5, end: 3605 },
    ]);
    assert.equal(
      chaptersOf(timedLesson(), 'Plants', 3700).at(-1)!.end,
      3700,
      'the last chapter runs to the end of the video',
    );
  });

  it('folds a later untitled section into the chapter before it and skips untimed sections', () => {
    const t = transcriptSchema.parse({
      sections: [
        { heading: 'Intro', paragraphs: [{ id: 'a', text: 'One.', start: 2, end: 5 }] },
        { heading: '', paragraphs: [{ id: 'b', text: 'Two.', start: 5, end: 9 }] },
        { heading: 'Untimed', paragraphs: [{ id: 'c', text: 'Three.' }] },
        { heading: '  Last\n  part ', paragraphs: [{ id: 'd', text: 'Four.', start: 9, end: 12 }] },
      ],
    });
    assert.deepEqual(chaptersOf(t, 'L'), [
      { title: 'Intro', start: 2, end: 9 },
      { title: 'Last part', start: 9, end: 12 },
    ]);
    assert.deepEqual(chaptersOf(untimedLesson(), 'L'), []);
    assert.equal(toWebVTTChapters(untimedLesson(), 'L'), 'WEBVTT\n');
  });

  it('writes a chapters track the W3C validator accepts, titles shown as written', () => {
    const t = timedLesson();
    t.sections[1]!.heading = 'Leaves <b>&</b> --> light';
    const vtt = toWebVTTChapters(t, 'Plants <i>', 3700);
    const cues = validateVTT(vtt, 'chapters');
    assert.deepEqual(
      cues.map((c) => [c.id, c.startTime, c.endTime, shownText(c.tree)]),
      [
        ['chapter-1', 0, 3.25, 'Plants <i>'],
        ['chapter-2', 3.25, 3600.5, 'Leaves <b>&</b> → light'],
        ['chapter-3', 3600.5, 3700, 'Summary & next steps'],
      ],
    );
  });
});

describe('toSRT', () => {
  it('numbers cues from 1 and uses comma timestamps', () => {
    const srt = toSRT(timedLesson());
    const blocks = srt.trimEnd().split('\n\n');
    blocks.forEach((b, i) => {
      const [n, timing, ...text] = b.split('\n');
      assert.equal(n, String(i + 1));
      assert.match(timing!, /^\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}$/);
      assert.ok(text.length === 1 && text[0]!.length > 0);
    });
    assert.ok(
      srt.startsWith(
        '1\n00:00:00,000 --> 00:00:03,250\nWelcome to the lesson on plants.\n\n2\n00:00:03,250 --> ',
      ),
    );
    assert.match(srt, /\n01:00:00,500 --> 01:00:05,000\nNext time: roots\.\n$/);
    assert.ok(!srt.includes('.000 -->'));
  });

  it('has no headings (SRT has no comments) and does not break on -->', () => {
    const t = transcriptSchema.parse({
      sections: [
        { heading: 'Heading', paragraphs: [{ id: 'x', text: 'a --> b & c < d', start: 0, end: 1 }] },
      ],
    });
    assert.equal(toSRT(t), '1\n00:00:00,000 --> 00:00:01,000\na -> b & c < d\n');
  });

  it('is empty for an untimed or empty transcript', () => {
    assert.equal(toSRT(untimedLesson()), '');
    assert.equal(toSRT(emptyTranscript()), '');
  });

  it('has as many cues as the WebVTT, with the same times', () => {
    const t = timedLesson();
    const vttCues = validateVTT(toWebVTT(t));
    const srtTimings = toSRT(t)
      .split('\n')
      .filter((l) => l.includes('-->'));
    assert.equal(srtTimings.length, vttCues.length);
  });
});

describe('toPlainText and formatTranscript', () => {
  it('has the title, headings and paragraphs separated by blank lines', () => {
    const txt = toPlainText(timedLesson(), 'Plants');
    assert.equal(
      txt,
      [
        'Plants',
        '======',
        'Welcome to the lesson on plants.',
        '## How leaves work',
        LONG,
        'That is the whole story, more or less.',
        '## Summary & next steps',
        'Next time: roots.',
      ].join('\n\n') + '\n',
    );
  });

  it('works without a title and for untimed transcripts', () => {
    assert.equal(toPlainText(untimedLesson()), 'An untimed opening.\n\n## Part one\n\nMore words.\n');
  });

  it('caps the title underline at 80 characters', () => {
    const title = 'T'.repeat(120);
    assert.equal(toPlainText(emptyTranscript(), title), `${title}\n\n${'='.repeat(80)}\n`);
  });

  it('is empty for an empty transcript without title', () => {
    assert.equal(toPlainText(emptyTranscript()), '');
  });

  it('formatTranscript dispatches on the format', () => {
    const t = timedLesson();
    assert.equal(formatTranscript(t, 'vtt'), toWebVTT(t));
    assert.equal(formatTranscript(t, 'srt'), toSRT(t));
    assert.equal(formatTranscript(t, 'txt', 'Plants'), toPlainText(t, 'Plants'));
    assert.equal(formatTranscript(t, 'chapters', 'Plants', 3700), toWebVTTChapters(t, 'Plants', 3700));
    assert.deepEqual(Object.keys(TRANSCRIPT_FORMATS).sort(), ['chapters', 'srt', 'txt', 'vtt']);
    assert.match(TRANSCRIPT_FORMATS.vtt.mime, /^text\/vtt/);
  });

  it('the download query knows its formats as its own, and defaults to WebVTT', () => {
    assert.deepEqual(transcriptQuerySchema.parse({}), { format: 'vtt' });
    for (const format of Object.keys(TRANSCRIPT_FORMATS))
      assert.equal(transcriptQuerySchema.parse({ format }).format, format);
    for (const format of [
      'constructor',
      '__proto__',
      'toString',
      'hasOwnProperty',
      'VTT',
      '',
      ['vtt', 'srt'],
    ]) {
      const result = transcriptQuerySchema.safeParse({ format });
      assert.equal(result.success, false, String(format));
      assert.match(result.error.issues[0]!.message, /vtt, srt, txt or chapters/);
    }
  });
});

describe('detectCaptionFormat', () => {
  it('recognises the WEBVTT signature, with BOM or a title after it', () => {
    assert.equal(detectCaptionFormat('WEBVTT\n\n'), 'vtt');
    assert.equal(detectCaptionFormat('WEBVTT'), 'vtt');
    assert.equal(detectCaptionFormat('\uFEFFWEBVTT\r\n'), 'vtt');
    assert.equal(detectCaptionFormat('WEBVTT - Lesson 1\n'), 'vtt');
  });

  it('treats anything else as SRT', () => {
    assert.equal(detectCaptionFormat('1\n00:00:01,000 --> 00:00:02,000\nHi\n'), 'srt');
    assert.equal(detectCaptionFormat('WEBVTTX\n'), 'srt');
    assert.equal(detectCaptionFormat(' WEBVTT\n'), 'srt');
  });
});

describe('parseCaptions: round trip of our own WebVTT', () => {
  it('gives back the same sections, headings, paragraph ids, texts and times (±1 ms)', async () => {
    const original = timedLesson();
    const back = await parseCaptions(toWebVTT(original));
    assert.deepEqual(
      back.sections.map((s) => s.heading),
      original.sections.map((s) => s.heading),
    );
    assert.deepEqual(
      back.sections.map((s) => s.paragraphs.map((p) => p.id)),
      original.sections.map((s) => s.paragraphs.map((p) => p.id)),
    );
    original.sections.forEach((s, si) =>
      s.paragraphs.forEach((p, pi) => {
        const q = back.sections[si]!.paragraphs[pi]!;
        assert.equal(q.text, p.text);
        near(q.start, p.start, `${p.id} start`);
        near(q.end, p.end, `${p.id} end`);
      }),
    );
    assert.equal(transcriptSchema.safeParse(back).success, true);
  });

  it('round-trips text with -->, &, <, > and entity-looking text', async () => {
    const text = 'If a --> b & c < d, then <b>e</b> > f &amp; g; &#65; stays.';
    const t = transcriptSchema.parse({
      sections: [{ heading: 'Symbols & signs', paragraphs: [{ id: 'x', text, start: 1, end: 5 }] }],
    });
    const back = await parseCaptions(toWebVTT(t));
    assert.deepEqual(back, t);
  });

  it('round-trips sub-millisecond times to within 1 ms', async () => {
    const t = transcriptSchema.parse({
      sections: [{ heading: '', paragraphs: [{ id: 'x', text: 'Hi.', start: 1.2345, end: 2.9999 }] }],
    });
    const back = await parseCaptions(toWebVTT(t));
    near(back.sections[0]!.paragraphs[0]!.start, 1.2345, 'start');
    near(back.sections[0]!.paragraphs[0]!.end, 2.9999, 'end');
  });

  it('keeps two neighbouring paragraphs apart even without a pause between them', async () => {
    const t = transcriptSchema.parse({
      sections: [
        {
          heading: '',
          paragraphs: [
            { id: 'a', text: 'One.', start: 0, end: 1 },
            { id: 'b', text: 'Two.', start: 1, end: 2 },
          ],
        },
      ],
    });
    assert.deepEqual(await parseCaptions(toWebVTT(t)), t);
  });

  it('also works through CRLF line endings and a BOM', async () => {
    const vtt = `\uFEFF${toWebVTT(timedLesson()).replace(/\n/g, '\r\n')}`;
    const back = await parseCaptions(vtt);
    assert.deepEqual(
      back.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.id)]),
      timedLesson().sections.map((s) => [s.heading, s.paragraphs.map((p) => p.id)]),
    );
  });

  it('keeps headings on the right cues when a hand-edited cue before them is broken', async () => {
    const vtt = [
      'WEBVTT',
      'a.1\n00:00:01.000 --> 00:00:02.000\nFirst.',
      'b.1\n00:00:0x.000 --> 00:00:04.000\nBroken timing.',
      'c.1\n00:00:05.000 --> 00:00:04.000\nEnds before it starts.',
      'NOTE Section: Second part',
      'd.1\n00:00:10.000 --> 00:00:11.000\nSecond.',
      'NOTE Section: Third part',
      'e.1\n00:00:12.000 --> 00:00:13.000\nThird.',
    ].join('\n\n');
    const back = await parseCaptions(vtt);
    assert.deepEqual(
      back.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.id)]),
      [
        ['', ['a']],
        ['Second part', ['d']],
        ['Third part', ['e']],
      ],
    );
  });

  it('keeps a heading whose first cue has no visible text', async () => {
    const vtt = [
      'WEBVTT',
      '00:00:01.000 --> 00:00:02.000\nFirst.',
      'NOTE Section: Later',
      '00:00:05.000 --> 00:00:06.000\n<i></i>',
      '00:00:06.000 --> 00:00:07.000\nSecond.',
    ].join('\n\n');
    const back = await parseCaptions(vtt);
    assert.deepEqual(
      back.sections.map((s) => [s.heading, s.paragraphs.map((p) => p.text)]),
      [
        ['', ['First.']],
        ['Later', ['Second.']],
      ],
    );
  });
});

describe('parseCaptions: foreign WebVTT', () => {
  const foreign = [
    '\uFEFFWEBVTT - Lesson 4',
    'Kind: captions',
    'Language: en',
    '',
    'STYLE',
    '::cue { color: yellow }',
    '',
    'NOTE This file was made by another tool.',
    'It has two lines of comment.',
    '',
    '00:00:01.000 --> 00:00:02.500 align:start position:10%',
    '<v Speaker One>Hello &amp; welcome</v>',
    'to <i>the</i> class.',
    '',
    '00:02.600 --> 00:04.000 line:0',
    'Today: cells &lt;and&gt; tissues&nbsp;&#39;n&#x27; more.',
    '',
    '00:00:06.000 --> 00:00:07.000',
    '<c.yellow>After</c> a pause.',
    '',
    'NOTE Chapter: Cells',
    '',
    'cue-7',
    '00:00:07.500 --> 00:00:09.000 size:50%',
    '<b>Cells</b> are <u>small</u>.',
    '',
  ].join('\r\n');

  it('imports cues without ids, strips tags and settings, decodes entities, handles CRLF and BOM', async () => {
    const t = await parseCaptions(foreign);
    assert.equal(transcriptSchema.safeParse(t).success, true);
    assert.deepEqual(t, {
      sections: [
        {
          heading: '',
          paragraphs: [
            {
              id: 'p1',
              text: "Hello & welcome to the class. Today: cells <and> tissues 'n' more.",
              start: 1,
              end: 4,
            },
            { id: 'p2', text: 'After a pause.', start: 6, end: 7 },
          ],
        },
        { heading: 'Cells', paragraphs: [{ id: 'p3', text: 'Cells are small.', start: 7.5, end: 9 }] },
      ],
    });
  });

  it('starts a new paragraph on a pause of 2 s or more, not on a shorter one', async () => {
    const vtt = [
      'WEBVTT',
      '00:00:00.000 --> 00:00:01.000\nOne',
      '00:00:02.999 --> 00:00:04.000\ntwo', // 1.999 s pause: same paragraph
      '00:00:06.000 --> 00:00:07.000\nthree', // exactly 2 s: new paragraph
      '00:00:07.000 --> 00:00:08.000\nfour',
    ].join('\n\n');
    const t = await parseCaptions(vtt);
    assert.deepEqual(
      t.sections[0]!.paragraphs.map((p) => [p.text, p.start, p.end]),
      [
        ['One two', 0, 4],
        ['three four', 6, 8],
      ],
    );
  });

  it('honours a custom paragraphGap', async () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nOne\n\n00:00:01.500 --> 00:00:02.000\ntwo\n';
    const t = await parseCaptions(vtt, { paragraphGap: 0.5 });
    assert.deepEqual(
      t.sections[0]!.paragraphs.map((p) => p.text),
      ['One', 'two'],
    );
  });

  it('starts a new paragraph once a long one reaches a sentence end', async () => {
    const sentence = 'This sentence is about forty characters.';
    const cues = Array.from({ length: 30 }, (_, i) => {
      const s = i;
      const f = (x: number) => `00:00:${String(x).padStart(2, '0')}.000`;
      return `${f(s)} --> ${f(s + 1)}\n${sentence}`;
    });
    const t = await parseCaptions(['WEBVTT', ...cues].join('\n\n'));
    const paragraphs = t.sections[0]!.paragraphs;
    assert.ok(paragraphs.length >= 2);
    for (const p of paragraphs) assert.ok(p.text.length <= 600, `${p.text.length}`);
    assert.equal(paragraphs.map((p) => p.text).join(' '), Array(30).fill(sentence).join(' '));
  });

  it('imports long unpunctuated captions without pauses (e.g. automatic captions) into valid paragraphs', async () => {
    const f = (x: number) => new Date(x * 1000).toISOString().slice(11, 23);
    const cues = Array.from(
      { length: 1500 },
      (_, i) => `${f(i * 1.5)} --> ${f(i * 1.5 + 1.5)}\nand then we keep on talking about it`,
    );
    const t = await parseCaptions(['WEBVTT', ...cues].join('\n\n'));
    assert.equal(transcriptSchema.safeParse(t).success, true);
    const paragraphs = paragraphsOf(t);
    assert.ok(paragraphs.length > 1);
    for (const p of paragraphs) assert.ok(p.text.length <= 20_000);
    assert.equal(
      paragraphs
        .map((p) => p.text)
        .join(' ')
        .split(' ').length,
      1500 * 8,
    );
  });

  it('does not crash on an invalid numeric entity', async () => {
    const t = await parseCaptions('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nodd &#x110000; char &#65;\n');
    assert.equal(t.sections[0]!.paragraphs[0]!.text, 'odd &#x110000; char A');
  });

  it('gives fresh ids that do not clash with our own cue ids in the same file', async () => {
    const vtt = [
      'WEBVTT',
      '00:00:00.000 --> 00:00:01.000\nForeign.',
      'p1.1\n00:00:05.000 --> 00:00:06.000\nOurs.',
      '00:00:10.000 --> 00:00:11.000\nForeign again.',
    ].join('\n\n');
    const t = await parseCaptions(vtt);
    const ids = paragraphsOf(t).map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, `ids must be unique: ${ids.join(', ')}`);
    assert.equal(transcriptSchema.safeParse(t).success, true);
  });

  it('drops cues that are empty once tags are removed', async () => {
    const t = await parseCaptions(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<i> </i>\n\n00:00:02.000 --> 00:00:03.000\nReal.\n',
    );
    assert.deepEqual(
      paragraphsOf(t).map((p) => [p.text, p.start, p.end]),
      [['Real.', 2, 3]],
    );
  });
});

describe('parseCaptions: SRT', () => {
  const srt = [
    '1',
    '00:00:01,000 --> 00:00:02,500',
    '{\\an8}<i>Hello</i> there,',
    'friends.',
    '',
    '2',
    '00:00:03,000 --> 00:00:04,250',
    '<font color="#ffff00">How</font> are <b>you</b>?',
    '',
    '3',
    '00:00:10,000 --> 00:00:12,000',
    'After a long pause: x < 5 and y > 3 & more.',
    '',
  ].join('\r\n');

  it('detects SRT, reads comma times and strips {\\an8} and HTML tags', async () => {
    const t = await parseCaptions(srt);
    assert.deepEqual(t, {
      sections: [
        {
          heading: '',
          paragraphs: [
            { id: 'p1', text: 'Hello there, friends. How are you?', start: 1, end: 4.25 },
            { id: 'p2', text: 'After a long pause: x < 5 and y > 3 & more.', start: 10, end: 12 },
          ],
        },
      ],
    });
  });

  it('reads an SRT with a BOM and LF line endings, and format forced to srt', async () => {
    const t = await parseCaptions(`\uFEFF${srt.replace(/\r\n/g, '\n')}`, { format: 'srt' });
    assert.equal(paragraphsOf(t).length, 2);
    assert.equal(paragraphsOf(t)[0]!.start, 1);
  });

  it('imports our own SRT export with the same texts and times', async () => {
    const original = timedLesson();
    const back = await parseCaptions(toSRT(original));
    const a = paragraphsOf(original);
    const b = paragraphsOf(back);
    // SRT has no ids or headings, so paragraphs come back from pauses: compare the words and the span
    assert.equal(b.map((p) => p.text).join(' '), a.map((p) => p.text).join(' '));
    near(b[0]!.start, a[0]!.start, 'first start');
    near(b.at(-1)!.end, a.at(-1)!.end, 'last end');
    assert.equal(back.sections.length, 1);
    assert.equal(back.sections[0]!.heading, '');
  });
});

describe('parseCaptions: errors', () => {
  async function rejectsWith(
    input: string,
    message: RegExp,
    options?: Parameters<typeof parseCaptions>[1],
  ): Promise<void> {
    await assert.rejects(parseCaptions(input, options), (e: unknown) => {
      assert.ok(e instanceof CaptionsImportError, `expected CaptionsImportError, got ${String(e)}`);
      assert.equal(e.name, 'CaptionsImportError');
      assert.match(e.message, message);
      assert.ok(/^[A-Z]/.test(e.message) && /\.$/.test(e.message), `not a sentence: "${e.message}"`);
      return true;
    });
  }

  it('an empty file', async () => {
    await rejectsWith('', /The captions file is empty\./);
    await rejectsWith(' \r\n\n\t', /empty/);
  });

  it('a WebVTT file with no cues', async () => {
    await rejectsWith('WEBVTT\n', /No captions were found/);
    await rejectsWith('WEBVTT\n\nNOTE nothing to see here\n', /No captions were found/);
    await rejectsWith(toWebVTT(untimedLesson()), /No captions were found/);
  });

  it('an SRT or unknown text with no cues', async () => {
    await rejectsWith('just some text\nwithout any timings\n', /No captions were found/);
    await rejectsWith('1\n00:00:02,000 --> 00:00:01,000\nbackwards\n', /No captions were found/);
  });

  it('a VTT without the WEBVTT header when the format is forced to vtt', async () => {
    await rejectsWith('00:00:01.000 --> 00:00:02.000\nHello\n', /must start with the line "WEBVTT"/, {
      format: 'vtt',
    });
    await rejectsWith('WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHello\n', /WEBVTT/, { format: 'vtt' });
  });
});
