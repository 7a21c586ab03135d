import { mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePlugin } from '../../../src/server/site';
import { tempDir } from './helpers';

const SECRET = 'geheim-4711';
let dir: ReturnType<typeof tempDir>;
let app: FastifyInstance;
let port: number;

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Sends the request line byte for byte: HTTP clients would normalise `..` before sending. */
function rawGet(path: string): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: rest.join('\r\n\r\n') });
    });
  });
}

beforeAll(async () => {
  dir = tempDir('vs-site-');
  const site = join(dir.path, 'site');
  mkdirSync(join(site, 'sub'), { recursive: true });
  mkdirSync(join(site, 'assets'));
  mkdirSync(join(dir.path, 'site-secret'));
  writeFileSync(join(site, 'index.html'), '<h1>Kurs</h1>');
  writeFileSync(join(site, 'sub', 'index.html'), '<h1>Unterseite</h1>');
  writeFileSync(join(site, 'assets', 'main-abc123.js'), 'export {};');
  writeFileSync(join(site, '.env'), `TOKEN=${SECRET}`);
  writeFileSync(join(dir.path, 'secret.txt'), SECRET);
  writeFileSync(join(dir.path, 'site-secret', 'file.txt'), SECRET);
  app = Fastify({ logger: false });
  await app.register(sitePlugin, { root: site });
  port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
});

afterAll(async () => {
  await app.close();
  dir.remove();
});

describe('static site', () => {
  it('serves the site, directory indexes included', async () => {
    expect(await rawGet('/')).toMatchObject({ status: 200, body: '<h1>Kurs</h1>' });
    expect(await rawGet('/sub/')).toMatchObject({ status: 200, body: '<h1>Unterseite</h1>' });
    expect((await rawGet('/sub')).status).toBe(301);
  });

  it('marks files nosniff and lets browsers keep hashed assets', async () => {
    const page = await rawGet('/');
    expect(page.headers).toContain('x-content-type-options: nosniff');
    expect(page.headers).toContain('cache-control: no-cache');
    const asset = await rawGet('/assets/main-abc123.js');
    expect(asset.headers).toContain('cache-control: public, max-age=31536000, immutable');
  });

  it('does not serve dotfiles', async () => {
    const response = await rawGet('/.env');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  // node-static, the exercise's original file server, served files outside its root.
  it.each([
    '/../secret.txt',
    '/sub/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e%252fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/../site-secret/file.txt',
    '/%2e%2e/site-secret/file.txt',
    '//../secret.txt',
  ])('CVE-2023-26111: %s never leaves the site folder', async (path) => {
    const response = await rawGet(path);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).not.toContain(SECRET);
  });

  it('CVE-2023-26111: an absolute path in the URL is not a way out either', async () => {
    const response = await rawGet(`/${join(dir.path, 'secret.txt')}`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body).not.toContain(SECRET);
  });

  // node-static crashed on a NUL byte in the URL.
  it.each(['/%00', '/index.html%00', '/%00/../secret.txt', '/sub%00.html', '/%2500%00'])(
    'CVE-2025-11149: %s is a 400 and the server keeps serving',
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body)).toMatchObject({ statusCode: 400, message: expect.stringContaining('NUL') });
      expect((await rawGet('/')).status).toBe(200);
    },
  );
});
