// `npm --prefix cms/app run start`: this app in production (NODE_ENV=production unless set), in the
// foreground. Without real secrets and PUBLIC_URL it refuses to start: see the README's Production
// section. `npm start` at the root is the demo instead.
import { spawn } from 'node:child_process';
import { appDir, strapiBin } from './boot.mjs';

const child = spawn(process.execPath, [strapiBin, 'start'], {
  cwd: appDir,
  env: { NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true', ...process.env },
  stdio: 'inherit',
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
  process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
