// The demo host page: a psychology site's lesson page on its own origin (default :8080) that
// embeds the widget from the CMS (default :1337) with one script tag. `?lang=` and `?lesson=`
// set the element's attributes. No dependencies; SIGINT/SIGTERM stop it.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const PORT = Number(process.env.PORT || 8080);
const HOST = process.env.HOST || '127.0.0.1';
const CMS_URL = (process.env.CMS_URL || 'http://127.0.0.1:1337').replace(/\/$/, '');
const template = readFileSync(new URL('./index.html', import.meta.url), 'utf8');

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const attribute = (name, value) => (value ? ` ${name}="${escape(value)}"` : '');

function page(url) {
  const lesson = url.searchParams.get('lesson') || 'regaining-social-connection';
  const lang = url.searchParams.get('lang') || '';
  const valid = (v) => /^[a-z0-9-]{0,200}$/i.test(v);
  return template
    .replaceAll('{{CMS_URL}}', escape(CMS_URL))
    .replaceAll('{{PAGE_LANG}}', escape(valid(lang) && lang ? lang : 'en'))
    .replaceAll('{{DIR}}', /^(ar|he|fa|ur)\b/.test(lang) ? 'rtl' : 'ltr')
    .replaceAll('{{LESSON_ATTRS}}', `${attribute('lesson', valid(lesson) ? lesson : '')}${attribute('lang', valid(lang) ? lang : '')}`);
}

const server = createServer((req, res) => {
  const url = new URL(req.url || '/', `http://${req.headers.host || HOST}`);
  if (url.pathname === '/' || url.pathname.startsWith('/lessons/')) {
    if (url.pathname.startsWith('/lessons/')) url.searchParams.set('lesson', url.pathname.slice('/lessons/'.length));
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page(url));
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
});

server.listen(PORT, HOST, () => console.log(`Demo host page: http://${HOST}:${PORT} (widget from ${CMS_URL})`));
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
