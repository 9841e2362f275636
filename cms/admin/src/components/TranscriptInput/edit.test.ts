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
  updateParagraph,
} from './edit';
import { transcriptIssues } from './issues';

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
    assert.equal(nextParagraphId({ sections: [{ heading: '', paragraphs: [{ id: 'intro', text: 'x' }] }] }), 'p1');
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
    assert.deepEqual(transcriptIssues(t).filter((i) => i.message.includes('used twice')), []);
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
    assert.equal('start' in t.sections[0]!.paragraphs[0]!, false);
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
    assert.deepEqual(issues.map((i) => [i.section, i.paragraph, i.field, i.unreadableTime]), [[1, 1, 'start', true]]);
  });
});
