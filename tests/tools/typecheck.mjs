// Type-checks every workspace package (TypeScript strict everywhere), one `tsc` at a time, and
// reports in node:test's summary form so that `npm test` counts each package as a test.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './pnpm.mjs';

const workspace = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
const packages = [...workspace.matchAll(/^\s+-\s+(\S+)\s*$/gm)].map((m) => m[1]);
let pass = 0;
let fail = 0;
for (const pkg of packages) {
  const { scripts = {} } = JSON.parse(readFileSync(join(root, pkg, 'package.json'), 'utf8'));
  if (!scripts.typecheck) {
    console.log(`✖ ${pkg}: no typecheck script`);
    fail++;
    continue;
  }
  const result = spawnSync('npm', ['run', '--silent', 'typecheck'], {
    cwd: join(root, pkg),
    encoding: 'utf8',
  });
  if (result.status === 0) {
    console.log(`✔ ${pkg}`);
    pass++;
  } else {
    console.log(`✖ ${pkg}\n${result.stdout}${result.stderr}`);
    fail++;
  }
}
// Lint (ESLint, type-aware) and format (Prettier) over the whole tree, each counted as one test.
const tools = [
  { name: 'eslint', bin: 'node_modules/eslint/bin/eslint.js', args: ['.'] },
  {
    name: 'prettier --check',
    bin: 'node_modules/prettier/bin/prettier.cjs',
    args: ['--check', '--log-level=warn', '.'],
  },
];
for (const tool of tools) {
  const result = spawnSync(process.execPath, [join(root, tool.bin), ...tool.args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status === 0) {
    console.log(`✔ ${tool.name}`);
    pass++;
  } else {
    console.log(`✖ ${tool.name}\n${result.stdout}${result.stderr}`);
    fail++;
  }
}
console.log(`ℹ pass ${pass}\nℹ fail ${fail}`);
process.exit(fail ? 1 : 0);
