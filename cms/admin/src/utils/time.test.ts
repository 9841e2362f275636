import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatTime, parseTime } from './time';

describe('parseTime', () => {
  it('reads the forms editors type', () => {
    assert.equal(parseTime('90'), 90);
    assert.equal(parseTime('90.5'), 90.5);
    assert.equal(parseTime('1:30'), 90);
    assert.equal(parseTime('1:30.5'), 90.5);
    assert.equal(parseTime('0:01:30.500'), 90.5);
    assert.equal(parseTime('1:02:03'), 3723);
    assert.equal(parseTime(' 1:30,25 '), 90.25);
    assert.equal(parseTime('0'), 0);
  });

  it('refuses what is not a time', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '1:75',
      '1:60:00',
      '-5',
      '1::30',
      '1:30:',
      '1.5:30',
      '1:2:3:4',
      '1e3',
    ]) {
      assert.equal(parseTime(text), null, JSON.stringify(text));
    }
  });
});

describe('formatTime', () => {
  it('shows m:ss with the decimals that matter', () => {
    assert.equal(formatTime(0), '0:00');
    assert.equal(formatTime(90), '1:30');
    assert.equal(formatTime(90.5), '1:30.5');
    assert.equal(formatTime(90.123), '1:30.123');
    assert.equal(formatTime(90.1234), '1:30.123');
    assert.equal(formatTime(59.9996), '1:00');
  });

  it('adds hours from an hour on', () => {
    assert.equal(formatTime(3723.5), '1:02:03.5');
  });

  it('drops the fraction when asked for whole seconds', () => {
    assert.equal(formatTime(90.9, 0), '1:30');
    assert.equal(formatTime(90.5, 1), '1:30.5');
  });

  it('round-trips through parseTime', () => {
    for (const s of [0, 1.5, 59.999, 61, 599.25, 3600, 7322.125]) assert.equal(parseTime(formatTime(s)), s);
  });

  it('is empty for what is not a time', () => {
    assert.equal(formatTime(Number.NaN), '');
    assert.equal(formatTime(-1), '');
  });
});
