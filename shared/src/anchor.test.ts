import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { anchorQuote, describeQuote, replaceAt } from './index.js';
import { QUOTE_CONTEXT, quoteSchema, type Quote } from './index.js';
import { emptyTranscript, transcriptSchema, type Transcript } from './index.js';

const P1 = 'Welcome to the course. Today we look at how plants turn sunlight into sugar.';
const P2 =
  'The leaf is green because of chlorophyll. Chlorophyll absorbs red and blue light, and the leaf is green because green light bounces back.';
const P3 = 'In the next lesson we will measure the rate of photosynthesis with a simple experiment.';

function lesson(): Transcript {
  return transcriptSchema.parse({
    sections: [
      { heading: '', paragraphs: [{ id: 'p1', text: P1, start: 0, end: 5 }] },
      {
        heading: 'Chlorophyll',
        paragraphs: [
          { id: 'p2', text: P2, start: 5, end: 15 },
          { id: 'p3', text: P3, start: 15, end: 20 },
        ],
      },
    ],
  });
}

const textOf = (t: Transcript, id: string): string => {
  for (const s of t.sections) for (const p of s.paragraphs) if (p.id === id) return p.text;
  throw new Error(`no paragraph ${id}`);
};

/** Builds a quote the way the widget does: selection plus surrounding context. */
function quoteAt(text: string, start: number, end: number): Quote {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
    suffix: text.slice(end, end + QUOTE_CONTEXT),
  };
}

describe('describeQuote', () => {
  it('describes a selection with up to QUOTE_CONTEXT characters around it', () => {
    const t = lesson();
    const start = P2.indexOf('absorbs');
    const end = start + 'absorbs red and blue light'.length;
    const q = describeQuote(t, { paragraphId: 'p2', start, end });
    assert.deepEqual(q, {
      exact: 'absorbs red and blue light',
      prefix: P2.slice(start - QUOTE_CONTEXT, start),
      suffix: P2.slice(end, end + QUOTE_CONTEXT),
    });
    assert.equal(q.prefix.length, QUOTE_CONTEXT);
    assert.equal(q.suffix.length, QUOTE_CONTEXT);
  });

  it('has a short or empty prefix/suffix at the paragraph edges', () => {
    const t = lesson();
    const q = describeQuote(t, { paragraphId: 'p1', start: 0, end: 7 });
    assert.deepEqual(q, { exact: 'Welcome', prefix: '', suffix: P1.slice(7, 7 + QUOTE_CONTEXT) });
    const q2 = describeQuote(t, { paragraphId: 'p1', start: P1.length - 6, end: P1.length });
    assert.equal(q2?.exact, 'sugar.');
    assert.equal(q2?.suffix, '');
  });

  it('produces a quote the report schema accepts', () => {
    const q = describeQuote(lesson(), { paragraphId: 'p3', start: 3, end: 20 });
    assert.ok(q);
    assert.equal(quoteSchema.safeParse(q).success, true);
  });

  it('returns null for an unknown paragraph', () => {
    assert.equal(describeQuote(lesson(), { paragraphId: 'nope', start: 0, end: 3 }), null);
  });

  it('returns null for a range outside the paragraph or empty/reversed', () => {
    const t = lesson();
    assert.equal(describeQuote(t, { paragraphId: 'p1', start: 0, end: P1.length + 1 }), null);
    assert.equal(describeQuote(t, { paragraphId: 'p1', start: 5, end: 5 }), null);
    assert.equal(describeQuote(t, { paragraphId: 'p1', start: 6, end: 5 }), null);
    assert.equal(describeQuote(t, { paragraphId: 'p1', start: -1, end: 5 }), null);
  });

  it('returns null on an empty transcript', () => {
    assert.equal(describeQuote(emptyTranscript(), { paragraphId: 'p1', start: 0, end: 1 }), null);
  });
});

describe('anchorQuote', () => {
  it('finds an exact quote', () => {
    const t = lesson();
    const a = anchorQuote(t, { exact: 'simple experiment', prefix: '', suffix: '' });
    const start = P3.indexOf('simple experiment');
    assert.deepEqual(a, { paragraphId: 'p3', start, end: start + 'simple experiment'.length, exact: true });
  });

  it('finds a quote that is a whole paragraph', () => {
    const a = anchorQuote(lesson(), { exact: P3, prefix: '', suffix: '' });
    assert.deepEqual(a, { paragraphId: 'p3', start: 0, end: P3.length, exact: true });
  });

  it('a quote occurring twice: prefix and suffix pick the second occurrence', () => {
    const t = lesson();
    const exact = 'leaf is green because';
    const first = P2.indexOf(exact);
    const second = P2.lastIndexOf(exact);
    assert.notEqual(first, second);
    const q = quoteAt(P2, second, second + exact.length);
    const a = anchorQuote(t, q);
    assert.deepEqual(a, { paragraphId: 'p2', start: second, end: second + exact.length, exact: true });
  });

  it('a quote occurring twice: prefix and suffix pick the first occurrence', () => {
    const t = lesson();
    // "green because" appears twice in P2; choose the first one
    const exact = 'green because';
    const first = P2.indexOf(exact);
    const second = P2.indexOf(exact, first + 1);
    assert.ok(second > first);
    const a = anchorQuote(t, quoteAt(P2, first, first + exact.length));
    assert.deepEqual(a, { paragraphId: 'p2', start: first, end: first + exact.length, exact: true });
  });

  it('only a suffix is enough to choose', () => {
    const text = 'red light, blue light, red light again';
    const t = transcriptSchema.parse({ sections: [{ heading: '', paragraphs: [{ id: 'a', text }] }] });
    const a = anchorQuote(t, { exact: 'red light', prefix: '', suffix: ' again' });
    assert.equal(a?.start, text.lastIndexOf('red light'));
    assert.equal(a?.exact, true);
  });

  it('a quote occurring in two paragraphs: the context decides, then the hint', () => {
    const t = transcriptSchema.parse({
      sections: [
        {
          heading: '',
          paragraphs: [
            { id: 'a', text: 'First we heat the water slowly.' },
            { id: 'b', text: 'Then we heat the water quickly.' },
          ],
        },
      ],
    });
    const byContext = anchorQuote(t, { exact: 'heat the water', prefix: 'Then we ', suffix: ' quickly.' });
    assert.equal(byContext?.paragraphId, 'b');
    const byHint = anchorQuote(t, { exact: 'heat the water', prefix: '', suffix: '' }, { paragraphId: 'b' });
    assert.equal(byHint?.paragraphId, 'b');
    const byHintA = anchorQuote(t, { exact: 'heat the water', prefix: '', suffix: '' }, { paragraphId: 'a' });
    assert.equal(byHintA?.paragraphId, 'a');
  });

  it('finds a quote that moved to another paragraph after an edit', () => {
    const before = lesson();
    const exact = 'absorbs red and blue light';
    const start = P2.indexOf(exact);
    const q = describeQuote(before, { paragraphId: 'p2', start, end: start + exact.length })!;
    // The editor moved the sentence into a new paragraph p4 in another section.
    const moved =
      'Chlorophyll absorbs red and blue light, and the leaf is green because green light bounces back.';
    const after = transcriptSchema.parse({
      sections: [
        { heading: '', paragraphs: [{ id: 'p1', text: P1 }] },
        {
          heading: 'Chlorophyll',
          paragraphs: [{ id: 'p2', text: 'The leaf is green because of chlorophyll.' }],
        },
        {
          heading: 'Light',
          paragraphs: [
            { id: 'p4', text: moved },
            { id: 'p3', text: P3 },
          ],
        },
      ],
    });
    const a = anchorQuote(after, q, { paragraphId: 'p2' });
    assert.ok(a);
    assert.equal(a.paragraphId, 'p4');
    assert.equal(a.exact, true);
    assert.equal(textOf(after, 'p4').slice(a.start, a.end), exact);
  });

  it('finds a quote whose typo was fixed, approximately (exact=false)', () => {
    const reported = 'Today we look at how plnats turn sunlight';
    const t = lesson(); // has "plants"
    const a = anchorQuote(t, { exact: reported, prefix: 'Welcome to the course. ', suffix: ' into sugar.' });
    assert.ok(a, 'an approximate match is expected');
    assert.equal(a.exact, false);
    assert.equal(a.paragraphId, 'p1');
    assert.equal(P1.slice(a.start, a.end), 'Today we look at how plants turn sunlight');
  });

  it('finds a quote in which a word was changed, approximately', () => {
    const t = lesson();
    // the transcript now says "measure", the quote remembers "estimate"
    const a = anchorQuote(t, {
      exact: 'we will estimate the rate of photosynthesis',
      prefix: 'In the next lesson ',
      suffix: ' with a simple experiment.',
    });
    assert.ok(a);
    assert.equal(a.exact, false);
    assert.equal(a.paragraphId, 'p3');
    const found = P3.slice(a.start, a.end);
    assert.match(found, /measure the rate of photosynthesis$/);
    assert.ok(found.startsWith('we will') || found.startsWith('e will'), `unexpected match "${found}"`);
  });

  it('returns null when the quote vanished', () => {
    assert.equal(
      anchorQuote(lesson(), { exact: 'mitochondria are the powerhouse of the cell', prefix: '', suffix: '' }),
      null,
    );
  });

  it('does not match a short quote approximately (too few characters to allow any error)', () => {
    assert.equal(anchorQuote(lesson(), { exact: 'leap', prefix: '', suffix: '' }), null);
  });

  it('returns null on an empty transcript', () => {
    assert.equal(
      anchorQuote(emptyTranscript(), { exact: 'anything at all here', prefix: '', suffix: '' }),
      null,
    );
  });

  it('returns null for an empty quote', () => {
    assert.equal(anchorQuote(lesson(), { exact: '', prefix: '', suffix: '' }), null);
  });

  it('describeQuote → anchorQuote round-trips every selection in an unchanged transcript', () => {
    const t = lesson();
    const selections: Array<[string, string]> = [
      ['p1', 'Welcome'],
      ['p1', 'sugar.'],
      ['p2', 'green because'],
      ['p2', 'the leaf is green because green light'],
      ['p3', P3],
    ];
    for (const [id, words] of selections) {
      const text = textOf(t, id);
      let from = 0;
      for (let start = text.indexOf(words, from); start !== -1; start = text.indexOf(words, from)) {
        const position = { paragraphId: id, start, end: start + words.length };
        const q = describeQuote(t, position);
        assert.ok(q);
        assert.deepEqual(
          anchorQuote(t, q),
          { ...position, exact: true },
          `round trip of "${words}" at ${start}`,
        );
        from = start + 1;
      }
    }
  });

  it('after an edit earlier in the paragraph, the anchor follows the words', () => {
    const t = lesson();
    const exact = 'measure the rate';
    const start = P3.indexOf(exact);
    const q = describeQuote(t, { paragraphId: 'p3', start, end: start + exact.length })!;
    const edited = structuredClone(t);
    edited.sections[1]!.paragraphs[1]!.text = `Next time, ${P3}`;
    const a = anchorQuote(edited, q, { paragraphId: 'p3', start, end: start + exact.length });
    assert.ok(a);
    assert.equal(a.exact, true);
    assert.equal(a.start, start + 'Next time, '.length);
    assert.equal(textOf(edited, 'p3').slice(a.start, a.end), exact);
  });
});

describe('replaceAt', () => {
  it('replaces only those characters in that paragraph', () => {
    const t = lesson();
    const start = P3.indexOf('measure');
    const out = replaceAt(t, { paragraphId: 'p3', start, end: start + 'measure'.length }, 'estimate');
    assert.equal(textOf(out, 'p3'), P3.replace('measure', 'estimate'));
    assert.equal(textOf(out, 'p1'), P1);
    assert.equal(textOf(out, 'p2'), P2);
    // times, ids and headings untouched
    assert.deepEqual(
      out.sections.map((s) => [s.heading, s.paragraphs.map((p) => [p.id, p.start, p.end])]),
      t.sections.map((s) => [s.heading, s.paragraphs.map((p) => [p.id, p.start, p.end])]),
    );
  });

  it('returns a new object and does not mutate its input', () => {
    const t = lesson();
    const snapshot = structuredClone(t);
    const out = replaceAt(t, { paragraphId: 'p1', start: 0, end: 7 }, 'Hello');
    assert.notEqual(out, t);
    assert.notEqual(out.sections, t.sections);
    assert.notEqual(out.sections[0], t.sections[0]);
    assert.notEqual(out.sections[0]!.paragraphs[0], t.sections[0]!.paragraphs[0]);
    assert.deepEqual(t, snapshot);
    assert.ok(textOf(out, 'p1').startsWith('Hello to the course.'));
  });

  it('can delete (empty replacement) and insert (empty range)', () => {
    const t = transcriptSchema.parse({
      sections: [{ heading: '', paragraphs: [{ id: 'x', text: 'a big cat' }] }],
    });
    assert.equal(textOf(replaceAt(t, { paragraphId: 'x', start: 1, end: 5 }, ''), 'x'), 'a cat');
    assert.equal(
      textOf(replaceAt(t, { paragraphId: 'x', start: 2, end: 2 }, 'very '), 'x'),
      'a very big cat',
    );
  });

  it('leaves the transcript unchanged for an unknown paragraph', () => {
    const t = lesson();
    assert.deepEqual(replaceAt(t, { paragraphId: 'zz', start: 0, end: 3 }, 'xyz'), t);
  });

  it('anchor → replace fixes the reported words', () => {
    const t = lesson();
    const a = anchorQuote(t, { exact: 'sunlight into sugar', prefix: 'how plants turn ', suffix: '.' });
    assert.ok(a);
    const out = replaceAt(t, a, 'light into glucose');
    assert.equal(
      textOf(out, 'p1'),
      'Welcome to the course. Today we look at how plants turn light into glucose.',
    );
    assert.equal(transcriptSchema.safeParse(out).success, true);
  });
});
