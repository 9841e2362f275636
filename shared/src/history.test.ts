import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changedParagraphs,
  paragraphsToReview,
  rangesOverlap,
  reviewClearInputSchema,
  revisionListQuerySchema,
  transcriptDiff,
  wordDiff,
  type Transcript,
} from './index.js';

const english: Transcript = {
  sections: [
    {
      heading: 'Noticing the breath',
      paragraphs: [
        { id: 'p1', text: 'When anxiety rises, the breath changes.', start: 0, end: 6 },
        { id: 'p2', text: 'It gets quick and shallow.', start: 6, end: 13 },
      ],
    },
    {
      heading: 'Slowing it down',
      paragraphs: [{ id: 'p3', text: 'Breathe in for four.', start: 15, end: 29 }],
    },
  ],
};

// The Spanish version splits the first ten seconds differently, with its own ids.
const spanish: Transcript = {
  sections: [
    {
      heading: 'Notar la respiración',
      paragraphs: [
        { id: 'e1', text: 'Cuando sube la ansiedad,', start: 0, end: 4 },
        { id: 'e2', text: 'la respiración cambia.', start: 4, end: 7 },
        { id: 'e3', text: 'Se vuelve rápida.', start: 7, end: 13 },
      ],
    },
    {
      heading: 'Hacerla más lenta',
      paragraphs: [{ id: 'e4', text: 'Inspira contando cuatro.', start: 15, end: 29 }],
    },
  ],
};

const edited = (t: Transcript, id: string, text: string): Transcript => ({
  sections: t.sections.map((s) => ({
    ...s,
    paragraphs: s.paragraphs.map((p) => (p.id === id ? { ...p, text } : p)),
  })),
});

describe('rangesOverlap', () => {
  it('is true when two ranges share time, and false for neighbours that only touch', () => {
    assert.equal(rangesOverlap({ start: 0, end: 6 }, { start: 4, end: 7 }), true);
    assert.equal(rangesOverlap({ start: 4, end: 7 }, { start: 0, end: 6 }), true);
    assert.equal(rangesOverlap({ start: 0, end: 10 }, { start: 2, end: 3 }), true, 'one inside the other');
    assert.equal(rangesOverlap({ start: 0, end: 6 }, { start: 6, end: 13 }), false);
    assert.equal(rangesOverlap({ start: 15, end: 29 }, { start: 0, end: 13 }), false);
  });
});

describe('changedParagraphs', () => {
  it('lists paragraphs whose words were edited, added or removed; times or headings alone are not changes', () => {
    const after: Transcript = structuredClone(edited(english, 'p2', 'It gets quick and high.'));
    after.sections[0]!.heading = 'Noticing';
    after.sections[1]!.paragraphs[0]!.start = 16;
    after.sections[1]!.paragraphs.push({ id: 'p4', text: 'New words.', start: 30, end: 33 });
    after.sections[0]!.paragraphs.shift();
    assert.deepEqual(changedParagraphs(english, after), [
      { id: 'p2', change: 'edited', range: { start: 6, end: 13 } },
      { id: 'p4', change: 'added', range: { start: 30, end: 33 } },
      { id: 'p1', change: 'removed', range: { start: 0, end: 6 } },
    ]);
    assert.deepEqual(changedParagraphs(english, structuredClone(english)), []);
  });
});

describe('paragraphsToReview', () => {
  it("marks the other language's paragraphs spoken over the same time, with the source's new text there", () => {
    const after = edited(english, 'p1', 'When anxiety rises, breathing changes first.');
    const targets = paragraphsToReview(changedParagraphs(english, after), after, spanish);
    assert.deepEqual(targets, [
      {
        paragraphId: 'e1',
        sourceParagraphIds: ['p1'],
        sourceText: 'When anxiety rises, breathing changes first.',
      },
      // e2 (4–7 s) overlaps p1 (0–6 s) and p2 (6–13 s): both are shown beside it.
      {
        paragraphId: 'e2',
        sourceParagraphIds: ['p1', 'p2'],
        sourceText: 'When anxiety rises, breathing changes first.\n\nIt gets quick and shallow.',
      },
    ]);
  });

  it('matches paragraphs by id when a transcript has no times, and marks nothing when no words changed', () => {
    const untimed = (t: Transcript): Transcript => ({
      sections: t.sections.map((s) => ({
        ...s,
        paragraphs: s.paragraphs.map(({ id, text }) => ({ id, text })),
      })),
    });
    const source = untimed(english);
    const other: Transcript = untimed({
      sections: [
        {
          heading: '',
          paragraphs: [
            { id: 'p1', text: 'Uno.' },
            { id: 'p3', text: 'Tres.' },
          ],
        },
      ],
    });
    const after = edited(source, 'p3', 'Breathe in slowly.');
    assert.deepEqual(paragraphsToReview(changedParagraphs(source, after), after, other), [
      { paragraphId: 'p3', sourceParagraphIds: ['p3'], sourceText: 'Breathe in slowly.' },
    ]);
    assert.deepEqual(paragraphsToReview([], after, other), []);
  });

  it('marks what a removed paragraph covered, with an empty source text when nothing is said there now', () => {
    const after: Transcript = { sections: [english.sections[0]!] };
    assert.deepEqual(paragraphsToReview(changedParagraphs(english, after), after, spanish), [
      { paragraphId: 'e4', sourceParagraphIds: [], sourceText: '' },
    ]);
  });
});

describe('transcriptDiff', () => {
  it('shows the words that changed in each paragraph, and counts them', () => {
    const after: Transcript = structuredClone(edited(english, 'p3', 'Breathe in for a count of four.'));
    after.sections[0]!.paragraphs[1]!.end = 14;
    const diff = transcriptDiff(english, after);
    assert.deepEqual(
      diff.paragraphs.map((p) => [p.id, p.change]),
      [
        ['p2', 'retimed'],
        ['p3', 'edited'],
      ],
    );
    assert.deepEqual(diff.paragraphs[0]!.times, { before: [6, 13], after: [6, 14] });
    const p3 = diff.paragraphs[1]!;
    assert.equal(p3.heading, 'Slowing it down');
    assert.equal(
      p3.parts
        .filter((p) => p.change === 'added')
        .map((p) => p.text.trim())
        .join(' '),
      'a count of',
    );
    assert.equal(
      p3.parts
        .filter((p) => p.change !== 'added')
        .map((p) => p.text)
        .join(''),
      'Breathe in for four.',
    );
    assert.equal(diff.wordsAdded, 3);
    assert.equal(diff.wordsRemoved, 0);
  });

  it('treats every paragraph as added when there is no earlier version, and lists removed ones and headings', () => {
    assert.deepEqual(
      transcriptDiff(null, english).paragraphs.map((p) => p.change),
      ['added', 'added', 'added'],
    );
    const after: Transcript = { sections: [{ ...english.sections[0]!, heading: 'Noticing your breath' }] };
    const diff = transcriptDiff(english, after);
    assert.deepEqual(
      diff.paragraphs.map((p) => [p.id, p.change]),
      [['p3', 'removed']],
    );
    assert.equal(diff.wordsRemoved, 4);
    assert.deepEqual(diff.headings[0]!.section, 1);
    assert.ok(diff.headings[0]!.parts.some((p) => p.change === 'added' && p.text.includes('your')));
  });

  it('ignores whitespace between words', () => {
    assert.deepEqual(
      wordDiff('a  b c', 'a b c').filter((p) => p.change !== 'same'),
      [],
    );
  });
});

describe('history and review contracts', () => {
  it('take a lesson and language, and refuse a paragraph id that cannot be one', () => {
    assert.deepEqual(revisionListQuerySchema.parse({ lesson: 'abc', locale: 'en' }), {
      lesson: 'abc',
      locale: 'en',
      page: 1,
      pageSize: 20,
    });
    assert.equal(revisionListQuerySchema.safeParse({ locale: 'en' }).success, false);
    assert.equal(
      reviewClearInputSchema.safeParse({ lesson: 'abc', locale: 'en', paragraphId: 'a b' }).success,
      false,
    );
  });
});
