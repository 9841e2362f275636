import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { STEPS } from '../tools/build.mjs';

const root = new URL('../../', import.meta.url);
const tracked = (folder: string) =>
  execFileSync('git', ['ls-files', folder], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);

const inputsOf = (name: string): string[] => {
  const step = (STEPS as Array<{ name: string; inputs: string[] }>).find((s) => s.name === name);
  assert.ok(step, `build step ${name}`);
  return step.inputs;
};
const isInput = (inputs: string[], file: string) =>
  inputs.some((i) => file === i || file.startsWith(`${i}/`));

/**
 * `npm test` and `npm start` skip a build whose inputs did not change. A file the build reads
 * that is not an input (the rollup plugins, a tsconfig) would leave a stale build behind.
 */
describe('the build fingerprint', () => {
  it('covers every file the widget build reads', () => {
    const notRead = /^widget\/(test\/|demo\/|README\.md$|web-test-runner\.config\.mjs$)/;
    const missing = tracked('widget').filter((f) => !notRead.test(f) && !isInput(inputsOf('widget'), f));
    assert.deepEqual(missing, []);
  });

  it('covers every file the plugin build reads', () => {
    const notRead = /^cms\/(app\/|test\/)/;
    const missing = tracked('cms').filter((f) => !notRead.test(f) && !isInput(inputsOf('plugin'), f));
    assert.deepEqual(missing, []);
  });
});
