// Copies the widget's build into the plugin, so the plugin serves /api/lessons/widget.js on its own.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const from = resolve(here, '../../widget/dist');
const to = resolve(here, '../widget-dist');
if (!existsSync(resolve(from, 'widget.js'))) {
  console.error(`The widget is not built (${from}/widget.js is missing): run the widget's build first.`);
  process.exit(1);
}
rmSync(to, { recursive: true, force: true });
cpSync(from, to, { recursive: true });
console.log(`Copied the widget build into ${to}`);
