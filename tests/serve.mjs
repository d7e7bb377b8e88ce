// A tiny static file server for the built site (dist/): scripts/run.sh serves the app with it,
// and the browser tests and benchmarks use it. Plain files only, nothing injected into the page,
// so the page's Content-Security-Policy holds as it would on a municipality's web server.
// Usage: node tests/serve.mjs <dir> <port> [/sub/path/]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8181);
// Serve the site under a sub-path (as a municipality's site would), e.g. /perheopas/.
const prefix = process.argv[4] ?? '/';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

createServer(async (req, res) => {
  const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (!full.startsWith(prefix)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const path = normalize('/' + full.slice(prefix.length));
  let file = join(root, path);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
})
  .on('error', (e) => {
    // E.g. EADDRINUSE: say so in one line instead of a stack trace, and exit non-zero.
    console.error(`cannot serve ${root} at http://127.0.0.1:${port}/: ${e.message}`);
    process.exit(1);
  })
  .listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`));
