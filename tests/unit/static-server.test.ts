/**
 * The loopback server the browser tests and benchmarks use serves one folder and nothing outside it,
 * whatever the request path says (raw paths, as a hostile client sends them, not normalised by a URL parser).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../scripts/lib/static-server';

let work = '';
let server: { base: string; close: () => void };

function get(rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'static-server-'));
  mkdirSync(join(work, 'dist'));
  mkdirSync(join(work, 'dist-x'));
  writeFileSync(join(work, 'dist', 'index.html'), 'home');
  writeFileSync(join(work, 'dist-x', 'secret.txt'), 'secret');
  writeFileSync(join(work, 'outside.txt'), 'outside');
  server = await serveStatic(join(work, 'dist'));
});
afterAll(() => {
  server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('serveStatic', () => {
  it('serves the folder', async () => {
    expect(await get('/')).toEqual({ status: 200, body: 'home' });
  });

  it("never serves a sibling folder whose name starts with the folder's, or anything above it", async () => {
    for (const path of ['/../dist-x/secret.txt', '/%2e%2e/dist-x/secret.txt', '/..%2fdist-x%2fsecret.txt', '/../outside.txt', '/%2e%2e%2foutside.txt']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/secret|outside/);
    }
  });

  it('answers a malformed escape with 400, not a crash', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
    expect((await get('/')).status).toBe(200);
  });
});
