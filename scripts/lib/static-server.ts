/**
 * A plain static file server for one built folder, on loopback (the benchmarks and the browser
 * tests). With `host`, it also sends the folder's `_headers` as that host applies them
 * (scripts/lib/headers-file.ts) and, like both hosts, redirects a folder's address without its
 * trailing slash to the address with it. With `gzip`, text responses are compressed (zlib's default
 * level, as static hosts and CDNs serve them) for clients that accept it, so byte counts and
 * Lighthouse see what a reader downloads.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor, parseHeadersFile, type Host } from './headers-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.csv': 'text/csv',
  '.xml': 'application/xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.csv', '.xml']);

export async function serveStatic(dir: string, options: { host?: Host; gzip?: boolean; port?: number } = {}): Promise<{ base: string; close: () => void }> {
  const root = resolve(dir);
  const rules = options.host && existsSync(join(root, '_headers')) ? parseHeadersFile(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const extra = options.host ? headersFor(rules, url.pathname, options.host).headers : {};
    let path = join(root, pathname);
    // Inside the folder only: a prefix test would let /../dist-x/ reach a sibling folder named like it.
    const inside = relative(root, path);
    if (inside.startsWith('..') || isAbsolute(inside) || pathname.endsWith('/_headers')) {
      res.writeHead(404, extra);
      res.end();
      return;
    }
    if (existsSync(path) && statSync(path).isDirectory()) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { ...extra, location: `${url.pathname}/${url.search}` });
        res.end();
        return;
      }
      path = join(path, 'index.html');
    }
    if (!existsSync(path)) {
      res.writeHead(404, extra);
      res.end();
      return;
    }
    const headers: Record<string, string> = { ...extra, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' };
    let body = readFileSync(path);
    if (options.gzip && COMPRESSIBLE.has(extname(path)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
      headers.vary = 'Accept-Encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
