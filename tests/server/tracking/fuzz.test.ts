import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { sitePlugin } from '../../../src/server/site';
import { registerTracking } from '../../../src/server/tracking/service';
import type { VisitStore } from '../../../src/server/tracking/store';
import { BROWSER, tempDir } from './helpers';

const RUNS = 10_000;
/** Generous: 10,000 requests take seconds alone, far longer on a busy CI machine. */
const TIMEOUT_MS = 300_000;
let dir: ReturnType<typeof tempDir>;
let app: FastifyInstance;
let store: VisitStore;

beforeAll(async () => {
  dir = tempDir('vs-fuzz-');
  const site = join(dir.path, 'site');
  mkdirSync(site);
  writeFileSync(join(site, 'index.html'), '<h1>Kurs</h1>');
  const config = loadConfig({
    DATA_DIR: join(dir.path, 'data'),
    SITE_DIR: site,
    ADMIN_TOKEN: 'fuzz-admin',
    TRACKING_RATE_LIMIT: String(10 * RUNS),
  });
  app = Fastify({ logger: false });
  store = await registerTracking(app, config);
  await app.register(sitePlugin, { root: config.siteDir });
});

afterAll(async () => {
  await app.close();
  dir.remove();
});

const contentType = fc.constantFrom(
  'application/json',
  'text/plain;charset=UTF-8',
  'application/x-www-form-urlencoded',
  'application/json; charset=latin1',
  undefined,
);

const body = fc.oneof(
  fc.json(),
  fc.string({ unit: 'binary' }),
  fc
    .record(
      { path: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()), referrer: fc.jsonValue() },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.integer({ min: 8000, max: 9000 }).map((length) => JSON.stringify({ path: `/${'x'.repeat(length)}` })),
);

/** A user agent as an HTTP header can carry it: visible ASCII and spaces. */
const userAgent = fc.oneof(
  fc.constant(BROWSER),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)) }),
);

const segment = fc.oneof(
  fc.constantFrom(
    'api',
    'visits',
    'stats',
    'status',
    'rows',
    'live.js',
    'index.html',
    '..',
    '.',
    '%2e%2e',
    '%2f',
    '%5c',
    '%00',
    '%',
    '%zz',
    '%c0%ae',
    '~',
    '',
    '?',
    '&',
    '=',
    '#',
    'limit=',
    'before=',
    'bucket=',
    '-1',
    '1e9',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 8 }).map(encodeURIComponent),
  fc.string({ maxLength: 6 }),
);

const url = fc
  .array(fc.tuple(fc.constantFrom('/', '', '?', '&'), segment), { maxLength: 8 })
  .map((parts) => `/${parts.map(([separator, part]) => separator + part).join('')}`);

/** inject() needs what WHATWG URL parsing accepts; raw request lines are covered in site.test.ts. */
function injectable(target: string): boolean {
  return URL.canParse(target, 'http://localhost');
}

/** An event stream never ends, so it is no case for a request/response check. */
function opensStream(method: string, target: string): boolean {
  let path = target.split('?')[0] ?? '';
  try {
    path = decodeURIComponent(path);
  } catch {
    return false;
  }
  return method === 'GET' && path.toLowerCase().includes('stream');
}

describe('generated input', () => {
  it(
    `answers ${RUNS} generated visit bodies without a 5xx, and keeps each one it acknowledges`,
    async () => {
      let acknowledged = 0;
      await fc.assert(
        fc.asyncProperty(body, contentType, userAgent, async (payload, type, agent) => {
          const response = await app.inject({
            method: 'POST',
            url: '/api/visits',
            headers: { 'user-agent': agent, ...(type ? { 'content-type': type } : {}) },
            payload,
          });
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode === 201) acknowledged += 1;
        }),
        { numRuns: RUNS },
      );
      expect(await store.count()).toBe(acknowledged);
    },
    TIMEOUT_MS,
  );

  it(
    `answers ${RUNS} generated URLs without a 5xx and keeps serving`,
    async () => {
      const method = fc.constantFrom('GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS', 'PUT') as fc.Arbitrary<
        'GET' | 'HEAD' | 'POST' | 'DELETE' | 'OPTIONS' | 'PUT'
      >;
      await fc.assert(
        fc.asyncProperty(method, url, async (verb, target) => {
          fc.pre(injectable(target) && !opensStream(verb, target));
          const response = await app.inject({ method: verb, url: target, headers: { 'user-agent': BROWSER } });
          expect(response.statusCode).toBeLessThan(500);
        }),
        { numRuns: RUNS },
      );
      expect((await app.inject({ url: '/' })).statusCode).toBe(200);
      expect((await app.inject({ url: '/api/visits/status' })).statusCode).toBe(200);
    },
    TIMEOUT_MS,
  );
});
