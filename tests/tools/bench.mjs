// `npm run bench`: figures, not assertions. Boots a throwaway Strapi with the demo course and the
// demo host page, then measures on loopback only:
//  - the widget's script bytes before interaction and after play, as transferred (brotli) and
//    decoded, as Chromium fetches them, and the API answers' bytes in each coding;
//  - API throughput and latency for the hot routes (autocannon, bounded in time), as ratios to
//    Strapi's own /_health against issue 8's targets, and Strapi's resident memory idle and under
//    the lesson load.
import { spawnSync } from 'node:child_process';
import { installPackages, ensureChromium } from './ensure.mjs';
import { build } from './build.mjs';
import { root } from './pnpm.mjs';

installPackages();
const chromium = ensureChromium();
build();

const result = spawnSync(process.execPath, ['--import', 'tsx', 'tools/bench-run.ts'], {
  cwd: `${root}tests`,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium, STRAPI_TELEMETRY_DISABLED: 'true' },
});
process.exit(result.status ?? 1);
