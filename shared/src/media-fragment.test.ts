import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMediaFragment, parseMediaFragment, withMediaFragment } from './index.js';

describe('media fragments (#t=)', () => {
  it('reads a time in seconds, as a clock, or with npt:', () => {
    assert.deepEqual(parseMediaFragment('#t=90'), { start: 90, end: null });
    assert.deepEqual(parseMediaFragment('#t=1:30'), { start: 90, end: null });
    assert.deepEqual(parseMediaFragment('#t=0:01:30.5'), { start: 90.5, end: null });
    assert.deepEqual(parseMediaFragment('t=npt:7'), { start: 7, end: null });
    assert.deepEqual(parseMediaFragment('#t=12.5s'), { start: 12.5, end: null });
  });

  it('reads a passage: start and end, or from the start', () => {
    assert.deepEqual(parseMediaFragment('#t=14.73,39.73'), { start: 14.73, end: 39.73 });
    assert.deepEqual(parseMediaFragment('#t=npt:1:00,1:30'), { start: 60, end: 90 });
    assert.deepEqual(parseMediaFragment('#t=,20'), { start: 0, end: 20 });
    assert.deepEqual(parseMediaFragment('#t=10%2C20'), { start: 10, end: 20 });
  });

  it('finds t among other pairs; the last valid one counts', () => {
    assert.deepEqual(parseMediaFragment('#foo&t=12.5'), { start: 12.5, end: null });
    assert.deepEqual(parseMediaFragment('#xywh=0,0,10,10&t=3,4'), { start: 3, end: 4 });
    assert.deepEqual(parseMediaFragment('#t=5&t=6,8'), { start: 6, end: 8 });
    assert.deepEqual(parseMediaFragment('#t=6,8&t=junk'), { start: 6, end: 8 });
  });

  it('ignores what is not a valid npt time range', () => {
    for (const hash of [
      '',
      '#',
      '#top',
      '#t=',
      '#t=,',
      '#t=abc',
      '#t=20,10',
      '#t=10,10',
      '#t=1,2,3',
      '#t=1:75',
      '#t=-5',
      '#t=smpte:00:00:01',
      '#t=%E0%A4%A',
      '#st=5',
    ]) {
      assert.equal(parseMediaFragment(hash), null, hash);
    }
  });

  it('writes seconds to the millisecond, and reads back what it writes', () => {
    assert.equal(formatMediaFragment({ start: 14.73, end: 39.73 }), 't=14.73,39.73');
    assert.equal(formatMediaFragment({ start: 90, end: null }), 't=90');
    assert.equal(formatMediaFragment({ start: 1 / 3, end: 2.00049 }), 't=0.333,2');
    const passage = { start: 42.45, end: 54.59 };
    assert.deepEqual(parseMediaFragment(`#${formatMediaFragment(passage)}`), passage);
  });

  it('links a page to a passage, replacing an anchor or an earlier t', () => {
    const passage = { start: 14.73, end: 39.73 };
    assert.equal(
      withMediaFragment('https://site.example/lesson?lang=es', passage),
      'https://site.example/lesson?lang=es#t=14.73,39.73',
    );
    assert.equal(
      withMediaFragment('https://site.example/#top', passage),
      'https://site.example/#t=14.73,39.73',
    );
    assert.equal(
      withMediaFragment('https://site.example/#t=5', passage),
      'https://site.example/#t=14.73,39.73',
    );
    assert.equal(
      withMediaFragment('https://site.example/#id=intro&t=5', passage),
      'https://site.example/#id=intro&t=14.73,39.73',
    );
  });
});
