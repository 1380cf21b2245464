// A small static file server for the built site (scripts/serve and the browser tests).
// Serves one folder on 127.0.0.1 with correct MIME types (application/wasm for streaming
// compilation), "no-cache" (a rebuilt app is picked up) and validators like any static host (ETag,
// Last-Modified; 304 when unchanged), so the service worker's install revalidates what the page
// has just loaded instead of downloading it a second time; the service worker does the offline
// caching.  Usage: node scripts/static-server.mjs <folder> <port>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve(folder, port, host = '127.0.0.1') {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const info = await stat(file);
      const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
      const headers = { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache',
                        'ETag': etag, 'Last-Modified': info.mtime.toUTCString() };
      if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers).end(); return; }
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'Content-Length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] && process.argv[1].endsWith('static-server.mjs')) {
  const [folder, port = '8080'] = process.argv.slice(2);
  const server = await serve(folder, Number(port));
  console.log(`Waymark is being served at http://127.0.0.1:${server.address().port}/ (Ctrl+C stops it)`);
}
