// Installs what is missing: the workspace's packages and, for the tests, Debian's Chromium.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { pnpm } from './pnpm.mjs';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node ${process.versions.node} is too old: use Node 20.19 or newer.`);
  process.exit(1);
}

export function installPackages() {
  // Quick when nothing changed; a full install on a fresh clone.
  pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
}

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** The browser every browser test uses; installed from Debian's packages when absent. */
export function ensureChromium() {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
    return configured;
  }
  if (!has('chromium')) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        'Chromium is missing: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
      );
    }
    console.log('Installing Chromium from Debian packages…');
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null',
      {
        stdio: 'inherit',
        shell: '/bin/bash',
      },
    );
  }
  return execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  installPackages();
  if (process.argv.includes('--browser')) console.log(`Chromium: ${ensureChromium()}`);
}
