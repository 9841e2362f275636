import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';

const pluginDir = fileURLToPath(new URL('..', import.meta.url));

it("passes @strapi/sdk-plugin's verify (package.json, exports and built files)", () => {
  const result = spawnSync('npx', ['strapi-plugin', 'verify'], { cwd: pluginDir, encoding: 'utf8' });
  assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
});

it('installs as one package: the shared contracts are bundled, and the widget build is inside', () => {
  const server = readFileSync(new URL('../dist/server/index.js', import.meta.url), 'utf8');
  assert.doesNotMatch(server, /require\(["']@lessons\/shared["']\)/);
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  assert.ok(!('@lessons/shared' in pkg.dependencies), 'shared is a build-time dependency only');
  assert.ok(
    existsSync(new URL('../widget-dist/widget.js', import.meta.url)),
    'the widget loader is copied into the plugin',
  );
});
