import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Transcript } from '@lessons/shared';
import {
  addParagraph,
  addSection,
  moveParagraph,
  moveSection,
  nextParagraphId,
  readTranscript,
  removeParagraph,
  removeSection,
  setHeading,
  setParagraphText,
  updateParagraph,
} from './edit';
import { IssueIndex, transcriptIssues, transcriptIssuesOf } from './issues';
import { findInTranscript, paragraphAtTime } from './navigate';
import { collapsedAfterMove, collapsedAfterRemove, rowOfParagraph, rowsOf } from './rows';
import { longLecture } from '../../../../../tests/support/long-lecture';

const sample = (): Transcript => ({
  sections: [
    { heading: '', paragraphs: [{ id: 'p1', text: 'Welcome.', start: 0, end: 4 }] },
    {
      heading: 'Light',
      paragraphs: [
        { id: 'p2', text: 'Leaves are green.', start: 4, end: 9 },
        { id: 'p7', text: 'Light bounces back.', start: 9, end: 12 },
      ],
    },
  ],
});

const ids = (t: Transcript) => t.sections.map((s) => s.paragraphs.map((p) => p.id));

describe('readTranscript', () => {
  it('treats an empty field as an empty transcript', () => {
    assert.deepEqual(readTranscript(null), { sections: [] });
    assert.deepEqual(readTranscript(undefined), { sections: [] });
    assert.deepEqual(readTranscript(''), { sections: [] });
  });

  it('reads a stored transcript, as an object or as JSON text', () => {
    assert.deepEqual(readTranscript(sample()), sample());
    assert.deepEqual(readTranscript(JSON.stringify(sample())), sample());
  });

  it('keeps the very objects of a stored transcript, so unchanged paragraphs stay the same', () => {
    const stored = sample();
    assert.equal(readTranscript(stored), stored);
    const edited = updateParagraph(stored, 1, 0, { text: 'Leaves look green.' });
    const read = readTranscript(edited)!;
    assert.equal(read.sections[0], stored.sections[0]);
    assert.equal(read.sections[1]!.paragraphs[1], stored.sections[1]!.paragraphs[1]);
    assert.notEqual(read.sections[1]!.paragraphs[0], stored.sections[1]!.paragraphs[0]);
  });

  it('drops what a transcript does not hold, and fills what it lacks', () => {
    const odd = {
      sections: [{ heading: 7, paragraphs: [{ id: 'p1', text: 'Hi.', start: 0, end: 1, note: 'x' }, {}] }],
    };
    assert.deepEqual(readTranscript(odd), {
      sections: [
        {
          heading: '',
          paragraphs: [
            { id: 'p1', text: 'Hi.', start: 0, end: 1 },
            { id: '', text: '' },
          ],
        },
      ],
    });
  });

  it('returns null for something that is not a transcript', () => {
    assert.equal(readTranscript({ foo: 1 }), null);
    assert.equal(readTranscript('not json'), null);
    assert.equal(readTranscript({ sections: [{ heading: 'x' }] }), null);
  });
});

describe('nextParagraphId', () => {
  it('is p and the number after the highest one in use', () => {
    assert.equal(nextParagraphId(sample()), 'p8');
    assert.equal(nextParagraphId({ sections: [] }), 'p1');
    assert.equal(
      nextParagraphId({ sections: [{ heading: '', paragraphs: [{ id: 'intro', text: 'x' }] }] }),
      'p1',
    );
  });
});

describe('editing', () => {
  it('adds a section with one empty paragraph with a fresh id', () => {
    const t = addSection(sample());
    assert.deepEqual(t.sections[2], { heading: '', paragraphs: [{ id: 'p8', text: '' }] });
  });

  it('adds paragraphs with fresh ids, never reusing one', () => {
    const t = addParagraph(addParagraph(sample(), 0), 0);
    assert.deepEqual(ids(t)[0], ['p1', 'p8', 'p9']);
    assert.deepEqual(
      transcriptIssues(t).filter((i) => i.message.includes('used twice')),
      [],
    );
  });

  it('removes and moves sections', () => {
    assert.deepEqual(ids(removeSection(sample(), 0)), [['p2', 'p7']]);
    assert.deepEqual(ids(moveSection(sample(), 1, -1)), [['p2', 'p7'], ['p1']]);
    assert.deepEqual(moveSection(sample(), 0, -1), sample());
  });

  it('moves a paragraph within a section and across the section edge', () => {
    assert.deepEqual(ids(moveParagraph(sample(), 1, 1, -1)), [['p1'], ['p7', 'p2']]);
    assert.deepEqual(ids(moveParagraph(sample(), 1, 0, -1)), [['p1', 'p2'], ['p7']]);
    assert.deepEqual(ids(moveParagraph(sample(), 0, 0, 1)), [[], ['p1', 'p2', 'p7']]);
    assert.deepEqual(moveParagraph(sample(), 1, 1, 1), sample());
    assert.deepEqual(moveParagraph(sample(), 0, 0, -1), sample());
  });

  it('changes text, heading and times, dropping a cleared time', () => {
    let t = setHeading(sample(), 0, 'Intro');
    t = updateParagraph(t, 0, 0, { text: 'Hello.', start: undefined });
    assert.deepEqual(t.sections[0], { heading: 'Intro', paragraphs: [{ id: 'p1', text: 'Hello.', end: 4 }] });
    assert.equal('start' in t.sections[0].paragraphs[0]!, false);
  });

  it('sets the text of a paragraph that moved since the typing began, found by its id', () => {
    const moved = moveParagraph(sample(), 1, 1, -1); // p7 is now first in section 2
    const t = setParagraphText(moved, { section: 1, index: 1, id: 'p7' }, 'Light comes back.');
    assert.deepEqual(
      t.sections[1]!.paragraphs.map((p) => p.text),
      ['Light comes back.', 'Leaves are green.'],
    );
    const gone = removeParagraph(sample(), 1, 1);
    assert.equal(setParagraphText(gone, { section: 1, index: 1, id: 'p7' }, 'Lost.'), gone);
    const same = sample();
    assert.equal(
      setParagraphText(same, { section: 0, index: 0, id: 'p1' }, 'Welcome.'),
      same,
      'the same text changes nothing',
    );
  });

  it('removes a paragraph', () => {
    assert.deepEqual(ids(removeParagraph(sample(), 1, 0)), [['p1'], ['p7']]);
  });

  it('leaves the original untouched', () => {
    const t = sample();
    updateParagraph(t, 1, 0, { text: 'changed' });
    moveParagraph(t, 1, 0, -1);
    assert.deepEqual(t, sample());
  });
});

describe('transcriptIssues', () => {
  it('is empty for a valid transcript', () => {
    assert.deepEqual(transcriptIssues(sample()), []);
    assert.deepEqual(transcriptIssues({ sections: [] }), []);
  });

  it('places each issue at its section, paragraph and field', () => {
    let t = updateParagraph(sample(), 1, 1, { text: '  ' });
    t = updateParagraph(t, 1, 0, { end: 2 });
    t = updateParagraph(t, 0, 0, { end: undefined });
    t = removeParagraph(addSection(t), 2, 0);
    const issues = transcriptIssues(t);
    assert.deepEqual(
      issues.map(({ section, paragraph, field }) => ({ section, paragraph, field })),
      [
        { section: 1, paragraph: 1, field: undefined },
        { section: 2, paragraph: 1, field: 'end' },
        { section: 2, paragraph: 2, field: 'text' },
        { section: 3, paragraph: undefined, field: undefined },
      ],
    );
    assert.match(issues[0]!.message, /both a start and an end/);
  });

  it('reports a NaN time (a time the editor could not read)', () => {
    const issues = transcriptIssues(updateParagraph(sample(), 0, 0, { start: Number.NaN }));
    assert.deepEqual(
      issues.map((i) => [i.section, i.paragraph, i.field, i.unreadableTime]),
      [[1, 1, 'start', true]],
    );
  });
});

describe('transcriptIssuesOf (checks only what changed)', () => {
  const cases: Array<[string, Transcript]> = [
    ['a valid transcript', sample()],
    ['no sections', { sections: [] }],
    ['empty text', updateParagraph(sample(), 1, 1, { text: '  ' })],
    ['half times', updateParagraph(sample(), 0, 0, { end: undefined })],
    ['an end before the start', updateParagraph(sample(), 1, 0, { end: 2 })],
    ['a NaN time', updateParagraph(sample(), 0, 0, { start: Number.NaN })],
    ['an empty section', removeParagraph(addSection(sample()), 2, 0)],
    ['a long heading', setHeading(sample(), 1, 'x'.repeat(301))],
    ['an id used twice', updateParagraph(updateParagraph(sample(), 1, 1, { text: '' }), 0, 0, { text: '' })],
  ];
  cases[8]![1].sections[1]!.paragraphs[0]!.id = 'p1';

  for (const [what, t] of cases) {
    it(`finds what the whole schema finds: ${what}`, () => {
      assert.deepEqual(transcriptIssuesOf(t), transcriptIssues(t));
    });
  }

  it('finds the same on a 1,000-paragraph lecture before and after edits', () => {
    let t = longLecture();
    assert.deepEqual(transcriptIssuesOf(t), []);
    t = updateParagraph(t, 97, 4, { text: '' });
    t = updateParagraph(t, 3, 0, { end: 1 });
    assert.deepEqual(transcriptIssuesOf(t), transcriptIssues(t));
    assert.deepEqual(
      transcriptIssuesOf(t).map((i) => [i.section, i.paragraph, i.field]),
      [
        [4, 1, 'end'],
        [98, 5, 'text'],
      ],
    );
  });

  it('indexes issues by place', () => {
    const index = new IssueIndex(transcriptIssues(cases[2]![1]));
    assert.match(index.messagesAt({ section: 2, paragraph: 2, fields: ['text'] })!, /needs some text/);
    assert.equal(index.messagesAt({ section: 2, paragraph: 1, fields: ['text'] }), undefined);
  });
});

describe('rows', () => {
  it('lists each section as header, paragraphs and footer, and only the header when collapsed', () => {
    const rows = rowsOf(sample(), new Set([0]));
    assert.deepEqual(
      rows.map((r) => r.key),
      ['section:0', 'section:1', 'paragraph:p2', 'paragraph:p7', 'footer:1'],
    );
    assert.equal(rowOfParagraph(rows, 1, 1), 3);
    assert.equal(rowOfParagraph(rows, 0, 0), -1);
  });

  it('keeps keys apart when a stored transcript repeats an id', () => {
    const t: Transcript = {
      sections: [
        {
          heading: '',
          paragraphs: [
            { id: 'a', text: 'x' },
            { id: 'a', text: 'y' },
          ],
        },
      ],
    };
    const keys = rowsOf(t, new Set()).map((r) => r.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('moves the collapsed state with a moved or removed section', () => {
    assert.deepEqual([...collapsedAfterMove(new Set([1]), 1, 2)], [2]);
    assert.deepEqual([...collapsedAfterMove(new Set([1, 2]), 1, 2)].sort(), [1, 2]);
    assert.deepEqual([...collapsedAfterRemove(new Set([0, 2, 3]), 2)].sort(), [0, 2]);
  });
});

describe('finding a place in the transcript', () => {
  const lecture = longLecture();

  it('finds the paragraph spoken at a time', () => {
    assert.deepEqual(paragraphAtTime(sample(), 10), { section: 1, index: 1 });
    assert.deepEqual(paragraphAtTime(sample(), 4), { section: 1, index: 0 });
    assert.deepEqual(paragraphAtTime(sample(), 0), { section: 0, index: 0 });
    // 3:25:00 in a lecture of 12.6-second paragraphs: paragraph 977 (0-based 976).
    assert.deepEqual(paragraphAtTime(lecture, 3 * 3600 + 25 * 60), { section: 97, index: 6 });
    assert.equal(
      paragraphAtTime({ sections: [{ heading: '', paragraphs: [{ id: 'p1', text: 'x' }] }] }, 5),
      undefined,
    );
  });

  it('finds every paragraph holding the words, ignoring case', () => {
    assert.deepEqual(findInTranscript(sample(), 'LIGHT'), [{ section: 1, index: 1 }]);
    assert.deepEqual(findInTranscript(sample(), '  '), []);
    const p = lecture.sections[99]!.paragraphs[9]!;
    const words = p.text.split(' ').slice(2, 6).join(' ');
    const found = findInTranscript(lecture, words);
    assert.ok(
      found.some((at) => at.section === 99 && at.index === 9),
      words,
    );
  });
});
