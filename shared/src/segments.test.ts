import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InvalidSegmentError,
  PlayedRanges,
  creditSegments,
  mergeOnGrid,
  mergeSegments,
  percentWatched,
  watchedSeconds,
} from './index.js';
import type { Segment } from './index.js';

/** Compares segment lists allowing floating-point noise from tick arithmetic. */
function assertSegmentsClose(actual: Segment[], expected: Segment[], tolerance = 1e-9): void {
  assert.equal(
    actual.length,
    expected.length,
    `expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
  actual.forEach(([a, b], i) => {
    const [ea, eb] = expected[i]!;
    assert.ok(Math.abs(a - ea) <= tolerance, `segment ${i} start ${a} is not ~${ea}`);
    assert.ok(Math.abs(b - eb) <= tolerance, `segment ${i} end ${b} is not ~${eb}`);
  });
}

/** Simulates a media element's `timeupdate` every `step` seconds from `from` to `to` inclusive. */
function play(r: PlayedRanges, from: number, to: number, step = 0.25): void {
  const n = Math.round((to - from) / step);
  for (let i = 0; i <= n; i++) r.tick(from + i * step);
}

describe('mergeSegments', () => {
  it('returns an empty list for empty input', () => {
    assert.deepEqual(mergeSegments([]), []);
    assert.deepEqual(mergeSegments([], 100), []);
  });

  it('keeps disjoint segments apart and in order', () => {
    assert.deepEqual(
      mergeSegments([
        [0, 5],
        [10, 15],
      ]),
      [
        [0, 5],
        [10, 15],
      ],
    );
  });

  it('joins overlapping segments', () => {
    assert.deepEqual(
      mergeSegments([
        [0, 10],
        [5, 15],
        [14, 20],
      ]),
      [[0, 20]],
    );
  });

  it('joins touching segments (end of one equals start of the next)', () => {
    assert.deepEqual(
      mergeSegments([
        [0, 5],
        [5, 10],
        [10, 12.5],
      ]),
      [[0, 12.5]],
    );
  });

  it('sorts unsorted input before joining', () => {
    assert.deepEqual(
      mergeSegments([
        [30, 40],
        [0, 5],
        [20, 25],
        [4, 8],
      ]),
      [
        [0, 8],
        [20, 25],
        [30, 40],
      ],
    );
  });

  it('absorbs nested segments into the enclosing one', () => {
    assert.deepEqual(
      mergeSegments([
        [0, 100],
        [10, 20],
        [50, 60],
      ]),
      [[0, 100]],
    );
    // nested one first, enclosing one later in the list
    assert.deepEqual(
      mergeSegments([
        [10, 20],
        [5, 30],
      ]),
      [[5, 30]],
    );
  });

  it('collapses duplicates', () => {
    assert.deepEqual(
      mergeSegments([
        [3, 7],
        [3, 7],
        [3, 7],
      ]),
      [[3, 7]],
    );
  });

  it('drops empty-length segments', () => {
    assert.deepEqual(
      mergeSegments([
        [5, 5],
        [0, 0],
      ]),
      [],
    );
    assert.deepEqual(
      mergeSegments([
        [5, 5],
        [10, 20],
        [30, 30],
      ]),
      [[10, 20]],
    );
  });

  it('clamps to the duration and drops segments wholly beyond it', () => {
    assert.deepEqual(
      mergeSegments(
        [
          [0, 10],
          [50, 70],
          [80, 90],
        ],
        60,
      ),
      [
        [0, 10],
        [50, 60],
      ],
    );
  });

  it('a segment starting exactly at the duration is dropped', () => {
    assert.deepEqual(mergeSegments([[60, 65]], 60), []);
  });

  it('with a zero duration nothing remains', () => {
    assert.deepEqual(mergeSegments([[0, 10]], 0), []);
  });

  it('does not mutate its input', () => {
    const input: Segment[] = [
      [10, 20],
      [0, 15],
    ];
    const copy = structuredClone(input);
    const out = mergeSegments(input);
    assert.deepEqual(input, copy);
    out[0]![1] = 999;
    assert.deepEqual(input, copy);
  });

  it('accepts readonly tuples and fractional seconds', () => {
    const input: ReadonlyArray<readonly [number, number]> = [
      [0.5, 1.25],
      [1.25, 2.75],
    ];
    assert.deepEqual(mergeSegments(input), [[0.5, 2.75]]);
  });

  describe('rejects invalid input with InvalidSegmentError', () => {
    const cases: Array<[string, unknown[], RegExp]> = [
      ['NaN start', [[Number.NaN, 5]], /Segment 1 .*not a finite number/],
      ['NaN end', [[0, Number.NaN]], /Segment 1 .*not a finite number/],
      ['Infinity end', [[0, Number.POSITIVE_INFINITY]], /Segment 1 .*not a finite number/],
      ['-Infinity start', [[Number.NEGATIVE_INFINITY, 1]], /not a finite number/],
      ['negative start', [[-1, 5]], /Segment 1 has a negative time/],
      ['negative both', [[-5, -1]], /negative time/],
      ['reversed pair', [[10, 5]], /Segment 1 ends before it starts/],
      ['a single number', [[1]], /Segment 1 is not a \[start, end\] pair/],
      ['a triple', [[1, 2, 3]], /not a \[start, end\] pair/],
      ['a number instead of a pair', [5], /not a \[start, end\] pair/],
      ['null', [null], /not a \[start, end\] pair/],
      ['an object', [{ start: 0, end: 1 }], /not a \[start, end\] pair/],
      ['strings', [['0', '5']], /not a finite number/],
      [
        'the second segment bad',
        [
          [0, 1],
          [3, 2],
        ],
        /Segment 2 ends before it starts/,
      ],
    ];
    for (const [name, input, message] of cases) {
      it(name, () => {
        assert.throws(
          () => mergeSegments(input),
          (e: unknown) => {
            assert.ok(e instanceof InvalidSegmentError, `expected InvalidSegmentError, got ${String(e)}`);
            assert.ok(e instanceof Error);
            assert.equal(e.name, 'InvalidSegmentError');
            assert.match(e.message, message);
            return true;
          },
        );
      });
    }

    it('validates even when a duration would clamp the bad segment away', () => {
      assert.throws(() => mergeSegments([[200, 100]], 50), InvalidSegmentError);
      assert.throws(() => mergeSegments([[Number.NaN, 100]], 50), InvalidSegmentError);
    });
  });
});

describe('watchedSeconds', () => {
  it('is zero for nothing', () => {
    assert.equal(watchedSeconds([]), 0);
  });

  it('sums merged segment lengths', () => {
    assert.equal(
      watchedSeconds([
        [0, 10],
        [20, 25.5],
      ]),
      15.5,
    );
  });

  it('counts overlap once when fed the output of mergeSegments', () => {
    assert.equal(
      watchedSeconds(
        mergeSegments([
          [0, 10],
          [5, 15],
          [5, 15],
        ]),
      ),
      15,
    );
  });
});

describe('percentWatched', () => {
  it('is 0 for a zero duration', () => {
    assert.equal(percentWatched([[0, 10]], 0), 0);
  });

  it('is 0 for a negative duration', () => {
    assert.equal(percentWatched([[0, 10]], -5), 0);
  });

  it('is 0 for a non-finite duration', () => {
    assert.equal(percentWatched([[0, 10]], Number.NaN), 0);
    assert.equal(percentWatched([[0, 10]], Number.POSITIVE_INFINITY), 0);
  });

  it('is 0 with no segments', () => {
    assert.equal(percentWatched([], 100), 0);
  });

  it('counts overlapping segments once', () => {
    assert.equal(
      percentWatched(
        [
          [0, 30],
          [10, 40],
        ],
        100,
      ),
      40,
    );
  });

  it('rounds to one decimal', () => {
    assert.equal(percentWatched([[0, 1]], 3), 33.3);
    assert.equal(percentWatched([[0, 2]], 3), 66.7);
  });

  it('never exceeds 100, even when segments run past the end', () => {
    assert.equal(percentWatched([[0, 500]], 100), 100);
    assert.equal(
      percentWatched(
        [
          [0, 60],
          [50, 120],
        ],
        100,
      ),
      100,
    );
  });

  it('rejects invalid segments', () => {
    assert.throws(() => percentWatched([[5, 1]], 100), InvalidSegmentError);
  });
});

describe('PlayedRanges', () => {
  it('has nothing pending and takes nothing before any tick', () => {
    const r = new PlayedRanges();
    assert.equal(r.pending, false);
    assert.deepEqual(r.take(), []);
  });

  it('a single tick is not yet watching anything', () => {
    const r = new PlayedRanges();
    r.tick(12);
    assert.equal(r.pending, false);
    assert.deepEqual(r.take(), []);
  });

  it('continuous ticks make one segment', () => {
    const r = new PlayedRanges();
    play(r, 0, 10);
    assert.equal(r.pending, true);
    assertSegmentsClose(r.take(), [[0, 10]]);
  });

  it('a seek starts a new segment; the skipped part never counts', () => {
    const r = new PlayedRanges();
    r.tick(0);
    r.tick(60); // seek from 0 to 60
    play(r, 60, 65);
    const taken = r.take();
    assertSegmentsClose(taken, [[60, 65]]);
    assert.ok(watchedSeconds(taken) <= 5 + 1e-9);
  });

  it('playing, seeking forward and playing again gives two segments', () => {
    const r = new PlayedRanges();
    play(r, 0, 10);
    play(r, 60, 65);
    assertSegmentsClose(r.take(), [
      [0, 10],
      [60, 65],
    ]);
  });

  it('a backward seek starts a new segment, and replaying merges', () => {
    const r = new PlayedRanges();
    play(r, 20, 30);
    play(r, 5, 25);
    assertSegmentsClose(r.take(), [[5, 30]]);
  });

  it('a jump exactly maxStep still counts, one just beyond does not', () => {
    const r = new PlayedRanges(2);
    r.tick(0);
    r.tick(2); // exactly maxStep: still playing
    r.tick(4.5); // 2.5 > maxStep: a seek
    r.tick(5);
    assertSegmentsClose(r.take(), [
      [0, 2],
      [4.5, 5],
    ]);
  });

  it('uses 1.5 s as the default maxStep', () => {
    const r = new PlayedRanges();
    r.tick(0);
    r.tick(1.5);
    r.tick(3.1); // 1.6 > 1.5
    r.tick(3.5);
    assertSegmentsClose(r.take(), [
      [0, 1.5],
      [3.1, 3.5],
    ]);
  });

  it('ignores NaN, Infinity and negative times', () => {
    const r = new PlayedRanges();
    r.tick(0);
    r.tick(Number.NaN);
    r.tick(1);
    r.tick(Number.POSITIVE_INFINITY);
    r.tick(-3);
    r.tick(2);
    assertSegmentsClose(r.take(), [[0, 2]]);
  });

  it('repeated ticks at the same time (stalled) neither grow nor break the segment', () => {
    const r = new PlayedRanges();
    r.tick(1);
    r.tick(1);
    r.tick(1);
    r.tick(2);
    assertSegmentsClose(r.take(), [[1, 2]]);
  });

  it('take() returns and resets; the open segment keeps growing from its end', () => {
    const r = new PlayedRanges();
    play(r, 0, 5);
    assertSegmentsClose(r.take(), [[0, 5]]);
    assert.equal(r.pending, false);
    assert.deepEqual(r.take(), [], 'a second take right away returns nothing');
    play(r, 5.25, 8);
    assertSegmentsClose(r.take(), [[5, 8]], 1e-9);
    assert.deepEqual(r.take(), []);
  });

  it('take() after a seek returns closed and open segments, merged and sorted', () => {
    const r = new PlayedRanges();
    play(r, 50, 55);
    play(r, 10, 12);
    assertSegmentsClose(r.take(), [
      [10, 12],
      [50, 55],
    ]);
    assert.equal(r.pending, false);
  });

  it('stop() (pause) closes the segment; the next tick starts a new one without counting the gap', () => {
    const r = new PlayedRanges();
    play(r, 0, 4);
    r.stop();
    assert.equal(r.pending, true, 'a closed segment is still pending until taken');
    // resume right where we paused: a new segment that touches the old one
    play(r, 4, 6);
    assertSegmentsClose(r.take(), [[0, 6]]);
  });

  it('stop() then a tick nearby does not bridge the time in between', () => {
    const r = new PlayedRanges();
    play(r, 0, 4);
    r.stop();
    r.tick(5); // within maxStep of 4, but after a stop it must not extend the old segment
    r.tick(5.5);
    assertSegmentsClose(r.take(), [
      [0, 4],
      [5, 5.5],
    ]);
  });

  it('stop() with nothing played records nothing', () => {
    const r = new PlayedRanges();
    r.stop();
    r.tick(3);
    r.stop();
    assert.equal(r.pending, false);
    assert.deepEqual(r.take(), []);
  });

  it('stop() is idempotent', () => {
    const r = new PlayedRanges();
    play(r, 0, 2);
    r.stop();
    r.stop();
    assertSegmentsClose(r.take(), [[0, 2]]);
  });

  it('returned segments are safe for the caller to keep', () => {
    const r = new PlayedRanges();
    play(r, 0, 2);
    const first = r.take();
    play(r, 2.25, 4);
    assertSegmentsClose(first, [[0, 2]]);
  });
});

describe('mergeOnGrid', () => {
  it('closes gaps under one second and keeps gaps of a second or more', () => {
    assert.deepEqual(
      mergeOnGrid([
        [0, 5],
        [5.5, 8],
        [9, 10],
        [10.999, 12],
      ]),
      [
        [0, 8],
        [9, 12],
      ],
    );
  });

  it('clamps to the duration like mergeSegments', () => {
    assert.deepEqual(mergeOnGrid([[95, 120]], 100), [[95, 100]]);
  });

  it('holds at most one segment per second of video, however finely the input is split', () => {
    const duration = 600;
    const tiny = Array.from({ length: 30_000 }, (_, i): Segment => [i * 0.02, i * 0.02 + 0.001]);
    const spread = Array.from({ length: 1_000 }, (_, i): Segment => [i * 1.7, i * 1.7 + 0.01]);
    for (const input of [tiny, spread]) {
      const stored = mergeOnGrid(input, duration);
      assert.ok(stored.length <= duration + 1, `${stored.length} segments`);
      for (let i = 1; i < stored.length; i++) assert.ok(stored[i]![0] - stored[i - 1]![1] >= 1);
    }
  });
});

describe('creditSegments', () => {
  it('credits everything new within the allowance, and nothing twice', () => {
    const first = creditSegments([], [[0, 10]], 100, 300);
    assert.deepEqual(first, { segments: [[0, 10]], credited: 10, refused: 0 });
    const again = creditSegments(
      first.segments,
      [
        [0, 10],
        [5, 12],
      ],
      100,
      300,
    );
    assert.deepEqual(again, { segments: [[0, 12]], credited: 2, refused: 0 });
  });

  it('counts a gap the grid closes as watched, charged to the allowance', () => {
    const { segments, credited } = creditSegments([[0, 10]], [[10.5, 20]], 100, 300);
    assert.deepEqual(segments, [[0, 20]]);
    assert.equal(credited, 10);
  });

  it('credits the earliest new seconds first, up to the allowance, and reports the rest as refused', () => {
    assert.deepEqual(creditSegments([[20, 30]], [[0, 60]], 15, 300), {
      segments: [
        [0, 15],
        [20, 30],
      ],
      credited: 15,
      refused: 35,
    });
    // A cut 0.5 s before the stored 20–30 would let the grid close the gap: it stops a second before.
    assert.deepEqual(creditSegments([[20, 30]], [[0, 60]], 19.5, 300), {
      segments: [
        [0, 19],
        [20, 30],
      ],
      credited: 19,
      refused: 31,
    });
  });

  it('never lets the grid close a gap beyond the cut', () => {
    for (const allowance of [0, 0.3, 1, 4.5, 9.2, 9.9, 10]) {
      const { segments, credited, refused } = creditSegments([[10, 20]], [[0, 10]], allowance, 300);
      assert.ok(credited <= allowance + 1e-9, `allowance ${allowance}: credited ${credited}`);
      assert.ok(Math.abs(credited + refused - 10) < 1e-9);
      assert.ok(Math.abs(watchedSeconds(segments) - 10 - credited) < 1e-9);
    }
  });

  it('credits nothing when the allowance is spent, and keeps what was stored', () => {
    assert.deepEqual(creditSegments([[0, 10]], [[0, 300]], 0, 300), {
      segments: [[0, 10]],
      credited: 0,
      refused: 290,
    });
  });

  it('keeps the stored segments equal to what was credited over many updates', () => {
    let stored: Segment[] = [];
    let total = 0;
    for (let round = 0; round < 30; round++) {
      const tiny = Array.from({ length: 1_000 }, (_, i): Segment => [
        (i * 0.37 + round * 0.11) % 300,
        ((i * 0.37 + round * 0.11) % 300) + 0.01,
      ]);
      const { segments, credited } = creditSegments(stored, tiny, 4, 300);
      assert.ok(credited <= 4 + 1e-9);
      total += credited;
      stored = segments;
    }
    assert.ok(Math.abs(watchedSeconds(stored) - total) < 1e-6, `${watchedSeconds(stored)} vs ${total}`);
    assert.ok(total <= 120 + 1e-6);
  });
});
