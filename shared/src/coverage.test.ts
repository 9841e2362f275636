import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  LessonAnalyticsCounter,
  PlayedRanges,
  firstUnwatched,
  isRangeWatched,
  median,
  mergeSegments,
  rangeCoverage,
  rangeCoverages,
  rangeIndexAt,
  type Segment,
} from './index.js';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ~${expected}`);

describe('rangeCoverage', () => {
  const watched: Segment[] = [
    [0, 5],
    [8, 12],
    [20, 30],
  ];

  it('is the share of the range the segments cover', () => {
    close(rangeCoverage(watched, { start: 0, end: 5 }), 1);
    close(rangeCoverage(watched, { start: 0, end: 10 }), 0.7);
    close(rangeCoverage(watched, { start: 12, end: 20 }), 0);
    close(rangeCoverage(watched, { start: 25, end: 35 }), 0.5);
    close(rangeCoverage([], { start: 0, end: 10 }), 0);
  });

  it('judges a short paragraph and a long one alike, by their own length', () => {
    close(rangeCoverage([[0, 0.9]], { start: 0, end: 1 }), 0.9);
    close(rangeCoverage([[0, 54]], { start: 0, end: 60 }), 0.9);
  });

  it('answers 0 for an empty or reversed range', () => {
    assert.equal(rangeCoverage(watched, { start: 3, end: 3 }), 0);
    assert.equal(rangeCoverage(watched, { start: 4, end: 2 }), 0);
  });

  it('sweeps a whole transcript in one pass, also when a range goes back in time', () => {
    const ranges = [
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 40 },
      { start: 2, end: 4 },
    ];
    const one = rangeCoverages(watched, ranges);
    ranges.forEach((r, i) => close(one[i]!, rangeCoverage(watched, r)));
  });
});

describe('isRangeWatched', () => {
  it('counts a paragraph as watched from 90% of its time', () => {
    assert.equal(isRangeWatched([[0, 9]], { start: 0, end: 10 }), true);
    assert.equal(isRangeWatched([[0, 8.9]], { start: 0, end: 10 }), false);
    // Float sums just below the share still count.
    assert.equal(isRangeWatched(mergeSegments([[0.1, 0.2 + 0.7]]), { start: 0.1, end: 0.9 }), true);
  });
});

describe('firstUnwatched', () => {
  const paragraphs = [
    { start: 0, end: 10 },
    { start: 10, end: 20 },
    { start: 20, end: 30 },
  ];

  it('starts at the first gap of the first paragraph not watched', () => {
    assert.equal(
      firstUnwatched(
        [
          [0, 10],
          [10, 14],
          [16, 30],
        ],
        paragraphs,
      ),
      14,
    );
    assert.equal(firstUnwatched([[0, 10]], paragraphs), 10);
    assert.equal(firstUnwatched([], paragraphs), 0);
  });

  it('skips a paragraph watched with a small gap, and paragraphs without times', () => {
    const segments: Segment[] = [
      [0, 9.5],
      [10, 25],
    ];
    assert.equal(firstUnwatched(segments, [{}, ...paragraphs]), 25);
  });

  it('answers null when everything is watched', () => {
    assert.equal(firstUnwatched([[0, 29.5]], paragraphs), null);
    assert.equal(firstUnwatched([[0, 1]], []), null);
  });
});

describe('rangeIndexAt', () => {
  it('finds the paragraph that holds a time', () => {
    const starts = [0, 10, 20];
    assert.equal(rangeIndexAt(starts, 0), 0);
    assert.equal(rangeIndexAt(starts, 9.9), 0);
    assert.equal(rangeIndexAt(starts, 10), 1);
    assert.equal(rangeIndexAt(starts, 99), 2);
    assert.equal(rangeIndexAt([5, 10], 1), 0);
    assert.equal(rangeIndexAt([], 1), -1);
  });
});

describe('PlayedRanges.peek', () => {
  it('shows what is played so far without taking it', () => {
    const r = new PlayedRanges();
    for (let t = 0; t <= 4; t += 0.5) r.tick(t);
    assert.deepEqual(r.peek(), [[0, 4]]);
    assert.deepEqual(r.peek(), [[0, 4]]);
    assert.deepEqual(r.take(), [[0, 4]]);
    assert.deepEqual(r.peek(), []);
  });
});

describe('LessonAnalyticsCounter', () => {
  const paragraphs = [
    { start: 0, end: 10 },
    { start: 10, end: 20 },
    { start: 20, end: 30 },
  ];

  it('counts readers, completions, the median percent, who watched each paragraph and where they stopped', () => {
    const counter = new LessonAnalyticsCounter(paragraphs);
    // Opened the lesson but played nothing: not a reader of it.
    counter.add({ segments: [], percent: 0, completed: false });
    // Watched the first paragraph, stopped in the second.
    counter.add({ segments: [[0, 12]], percent: 40, completed: false });
    // Watched everything.
    counter.add({ segments: [[0, 30]], percent: 100, completed: true });
    // Skipped the middle, watched the end: stopped nowhere.
    counter.add({
      segments: [
        [0, 10],
        [20, 29.5],
      ],
      percent: 65,
      completed: false,
    });
    // Watched half of the first: stopped there.
    counter.add({ segments: [[0, 5]], percent: 16.7, completed: false });
    // Stopped right at the end of the first: stopped in the first, not the second.
    counter.add({ segments: [[0, 10]], percent: 33.3, completed: false });
    const result = counter.result();
    assert.equal(result.rowsRead, 6);
    assert.equal(result.readers, 5);
    assert.equal(result.completions, 1);
    assert.equal(result.medianPercent, 40);
    assert.deepEqual(result.watched, [4, 1, 2]);
    assert.deepEqual(result.stopped, [2, 1, 0]);
  });

  it('has no median without readers', () => {
    const result = new LessonAnalyticsCounter(paragraphs).result();
    assert.equal(result.readers, 0);
    assert.equal(result.medianPercent, null);
    assert.deepEqual(result.watched, [0, 0, 0]);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });
});
