import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { closestLocale } from './index.js';

/**
 * Imports `specifier` in a fresh Node where resolving zod throws, naming who asked for it. Type
 * imports are erased before Node sees them, so only a run-time import of zod fails.
 */
function importWithoutZod(specifier: string) {
  const hooks = `export async function resolve(specifier, context, next) {
    if (specifier === 'zod' || specifier.startsWith('zod/')) throw new Error('zod imported by ' + context.parentURL);
    return next(specifier, context);
  }`;
  const register = `import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));`;
  return spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      `data:text/javascript,${encodeURIComponent(register)}`,
      '--input-type=module',
      '-e',
      `await import('${specifier}')`,
    ],
    { cwd: new URL('..', import.meta.url), encoding: 'utf8' },
  );
}

describe('@lessons/shared/core', () => {
  it('loads without zod, so the widget that imports it ships no validator', () => {
    const core = importWithoutZod('@lessons/shared/core');
    assert.equal(core.status, 0, core.stderr);
    // The same check sees zod where it is: the schemas need it.
    const schemas = importWithoutZod('@lessons/shared/schemas');
    assert.notEqual(schemas.status, 0);
    assert.match(schemas.stderr, /zod imported by .*schemas/);
  });
});

describe('closestLocale', () => {
  const lesson = ['en', 'es', 'pt-BR'];
  it('answers in the language asked for when the lesson has it', () => {
    assert.equal(closestLocale('es', lesson, ['en']), 'es');
    assert.equal(closestLocale('pt-BR', lesson, ['en']), 'pt-BR');
    assert.equal(closestLocale('pt-br', lesson, ['en']), 'pt-BR', 'codes compare without case');
  });
  it('answers a regional variant with its language (es-MX → es), or a language with one of its regions (pt → pt-BR)', () => {
    assert.equal(closestLocale('es-MX', lesson, ['en']), 'es');
    assert.equal(closestLocale('pt', lesson, ['en']), 'pt-BR');
    assert.equal(closestLocale('pt-PT', lesson, ['en']), 'pt-BR');
    assert.equal(
      closestLocale('es-419', ['es-MX', 'es'], []),
      'es',
      'the language itself before another region',
    );
  });
  it('falls back to the first fallback the lesson has, else to nothing', () => {
    assert.equal(closestLocale('fr', lesson, ['de', 'en']), 'en');
    assert.equal(closestLocale(undefined, lesson, ['es']), 'es');
    assert.equal(closestLocale('fr', lesson, ['de']), undefined);
  });
});
