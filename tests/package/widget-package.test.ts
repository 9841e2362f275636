import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

/** What a site owner's tools read of the built widget package: its custom-elements manifest. */
const widgetDir = new URL('../../widget/', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', widgetDir), 'utf8')) as {
  customElements: string;
};
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

interface Declaration {
  tagName?: string;
  customElement?: boolean;
  attributes?: Array<{ name: string }>;
  events?: Array<{ name: string; description?: string }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
  slots?: Array<{ name: string }>;
}
const manifest = JSON.parse(readFileSync(new URL(pkg.customElements, widgetDir), 'utf8')) as {
  modules: Array<{ declarations?: Declaration[] }>;
};
const element = (tag: string) => {
  const found = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tag);
  assert.ok(found, `${tag} is in custom-elements.json`);
  return found;
};
const names = (list: Array<{ name: string }> | undefined) => (list ?? []).map((x) => x.name).sort();

describe('the widget package', () => {
  it('describes <lesson-widget> in custom-elements.json: attributes, events, parts, properties, slot', () => {
    const widget = element('lesson-widget');
    for (const attribute of ['api', 'lesson', 'lang', 'token', 'link-template'])
      assert.ok(names(widget.attributes).includes(attribute), attribute);
    assert.deepEqual(names(widget.events), [
      'lesson-auth-change',
      'lesson-language-change',
      'lesson-progress',
      'lesson-report-submitted',
    ]);
    for (const event of widget.events ?? []) assert.ok(event.description, `${event.name} is described`);
    for (const part of [
      'title',
      'player',
      'play-button',
      'paragraph',
      'current-paragraph',
      'related',
      'report-link',
    ]) {
      assert.ok(names(widget.cssParts).includes(part), part);
    }
    assert.ok(names(widget.cssProperties).includes('--lesson-color-accent'));
    assert.equal(widget.slots?.length, 1);
  });

  it('describes <lesson-search>, with its lesson-select event', () => {
    const search = element('lesson-search');
    for (const attribute of ['api', 'lang', 'link-template'])
      assert.ok(names(search.attributes).includes(attribute), attribute);
    assert.deepEqual(names(search.events), ['lesson-select']);
  });

  it('documents in the README every event the elements emit', () => {
    for (const name of [
      ...names(element('lesson-widget').events),
      ...names(element('lesson-search').events),
    ]) {
      assert.ok(readme.includes(`| \`${name}\``), `${name} in the README's events table`);
    }
  });
});

describe('the built widget', () => {
  // zod marks everything it makes with `_zod` (a property name, which minifiers keep).
  const ZOD_MARKER = '_zod';
  const dist = new URL('dist/', widgetDir);
  const scripts = [
    'widget.js',
    ...readdirSync(new URL('widget/', dist))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `widget/${f}`),
  ];

  it('ships no zod: it imports @lessons/shared/core, which has none', () => {
    const zodPackage = createRequire(new URL('../../shared/package.json', import.meta.url)).resolve(
      'zod/package.json',
    );
    const zodCore = readFileSync(join(dirname(zodPackage), 'v4', 'core', 'core.js'), 'utf8');
    assert.ok(zodCore.includes(ZOD_MARKER), `zod itself carries the marker ${ZOD_MARKER}`);
    assert.ok(scripts.length > 5, `the built scripts (${scripts.length}) are there: build the widget first`);
    const withZod = scripts.filter((file) => readFileSync(new URL(file, dist), 'utf8').includes(ZOD_MARKER));
    assert.deepEqual(withZod, [], 'no script of the widget contains zod');
  });
});
