// `npm run cluster`: the production shape on loopback, in demo mode. PostgreSQL and Redis
// (Debian's packages, installed when absent), two Strapi instances sharing them, nginx in front
// (deploy/nginx/lessons.conf, round-robin) and the demo host page pointed at nginx.
// Ctrl+C stops everything; nothing is left running. Ports: PORT (nginx, 1337) and the four after it.
import { register } from 'tsx/esm/api';
import { installPackages } from './ensure.mjs';
import { build } from './build.mjs';

installPackages();
build();

register();
const { startCluster } = await import('../support/cluster.ts');
const { demoAccounts } = await import('../../cms/app/src/seed.js');

const port = Number(process.env.PORT || 1337);
const demoPort = Number(process.env.DEMO_PORT || 8080);
let cluster;
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await cluster?.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

try {
  cluster = await startCluster({ port, demoPort, quiet: true, log: (line) => console.log(line) });
} catch (e) {
  console.error(`The cluster did not start: ${e.message}`);
  process.exit(1);
}
const { admin, reader } = demoAccounts();
const [a, b] = cluster.instances;
console.log(`
┌─────────────────────────────────────────────────────────────
│ Lessons, production shape on loopback (demo mode: built-in secrets and demo accounts)
│   nginx          ${cluster.url}   (round-robin to the two instances below)
│   Strapi admin   ${cluster.url}/admin   (editor: ${admin.email} / ${admin.password})
│   Lesson API     ${cluster.url}/api/lessons/regaining-social-connection
│   Demo host page ${cluster.demoUrl}   (reader: ${reader.email} / ${reader.password})
│   instances      ${a.url}, ${b.url}
│   PostgreSQL     ${cluster.postgres.host}:${cluster.postgres.port} (user ${cluster.postgres.user}, database ${cluster.postgres.database})
│   Redis          ${cluster.redis.url}
│ Ctrl+C stops everything.
└─────────────────────────────────────────────────────────────`);

// An instance that stops on its own takes the rest down with it, so nothing is left half-running.
const watch = setInterval(() => {
  const dead = cluster.instances.find((i) => !i.running());
  if (dead && !stopping) {
    console.error(`Strapi at ${dead.url} stopped:\n${dead.output().slice(-2000)}`);
    clearInterval(watch);
    shutdown(1);
  }
}, 1000);
