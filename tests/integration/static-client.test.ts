import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const clientDir = tempDataDir();
const script = 'console.log("Forumboard");\n'.repeat(200);

beforeAll(async () => {
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), '<!doctype html><title>Forumboard</title><script src="/assets/app-1a2b.js"></script>');
  fs.writeFileSync(path.join(clientDir, 'assets', 'app-1a2b.js'), script);
  server = await startTestServer(tempDataDir(), { CLIENT_DIR: clientDir });
});
afterAll(() => server.close());

/** A raw GET, so the test sees the bytes and headers as sent (fetch would decompress). */
function get(route: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(server.url + route, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the server serves the built client', () => {
  it('answers app routes with index.html, never cached', async () => {
    for (const route of ['/', '/b/abc123', '/join/PDPG9Y']) {
      const res = await get(route);
      expect(res.status).toBe(200);
      expect(res.body.toString()).toContain('<title>Forumboard</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('sends hashed assets gzipped to browsers that accept it, cached for a year', async () => {
    const res = await get('/assets/app-1a2b.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['cache-control']).toContain('immutable');
    expect(res.body.length).toBeLessThan(script.length / 10);
    expect(zlib.gunzipSync(res.body).toString()).toBe(script);
    const plain = await get('/assets/app-1a2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('does not serve files outside the client folder, and unknown API paths are JSON 404s', async () => {
    const escape = await get('/..%2f..%2fpackage.json');
    expect(escape.body.toString()).toContain('<title>Forumboard</title>');
    const api = await get('/api/nothing-here');
    expect(api.status).toBe(404);
    expect(JSON.parse(api.body.toString())).toEqual({ error: 'no such endpoint' });
  });
});
