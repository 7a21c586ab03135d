import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, type Visit, type VisitPage, type VisitStats } from '../../../src/shared/tracking';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import type { VisitStore } from '../../../src/server/tracking/store';
import { BROWSER, tempDir, trackingApp, visitRequest } from './helpers';

let dir: ReturnType<typeof tempDir>;
let store: VisitStore;
let app: FastifyInstance;

beforeEach(async () => {
  dir = tempDir();
  store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
  app = await trackingApp(store);
});

afterEach(async () => {
  await app.close();
  await store.close();
  dir.remove();
});

async function stored(): Promise<Visit[]> {
  return store.list(500);
}

describe('POST /api/visits', () => {
  it('records a visit with server time, masked IP, path, referrer and user agent', async () => {
    const before = Date.now();
    const response = await app.inject(visitRequest({ path: '/slides/kapitel-2/', referrer: 'https://example.org/' }));
    expect(response.statusCode).toBe(201);
    const visit = response.json<Visit>();
    expect(visit).toMatchObject({
      ip: '127.0.0.0/24',
      path: '/slides/kapitel-2/',
      referrer: 'https://example.org/',
      userAgent: BROWSER,
    });
    expect(Date.parse(visit.at)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(visit.at)).toBeLessThanOrEqual(Date.now());
    expect(await stored()).toEqual([visit]);
  });

  it('accepts the beacon form: the same JSON sent as text/plain', async () => {
    const response = await app.inject(visitRequest('{"path":"/"}', { 'content-type': 'text/plain;charset=UTF-8' }));
    expect(response.statusCode).toBe(201);
    expect(await stored()).toHaveLength(1);
  });

  it.each([
    ['application/json', '{"path": "/"'],
    ['text/plain', '{path: "/"}'],
    ['application/json', ''],
  ])('answers malformed JSON (%s) with 400 and the reason', async (type, payload) => {
    const response = await app.inject(visitRequest(payload, { 'content-type': type }));
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/^Die Anfrage ist kein gültiges JSON: .|^Ungültige Eingabe: „body“/);
    expect(await stored()).toEqual([]);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await app.inject(visitRequest({ path: `/${'x'.repeat(MAX_BODY_BYTES)}` }));
    expect(response.statusCode).toBe(413);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ['a number as path', { path: 42 }, 'body.path', 'muss eine Zeichenkette sein'],
    ['an object as referrer', { path: '/', referrer: { url: 'x' } }, 'body.referrer', 'muss eine Zeichenkette sein'],
    ['null as referrer', { path: '/', referrer: null }, 'body.referrer', 'muss eine Zeichenkette sein'],
    ['no path', { referrer: '/' }, 'body.path', 'fehlt'],
    ['an empty path', { path: '' }, 'body.path', 'ist zu kurz'],
    ['a path over 2048 characters', { path: `/${'x'.repeat(2048)}` }, 'body.path', 'ist zu lang'],
    ['an unknown field', { path: '/', admin: true }, 'body.admin', 'ist hier nicht erlaubt'],
    ['an array', ['/'], 'body', 'muss ein Objekt sein'],
    ['a string', '"/"', 'body', 'muss ein Objekt sein'],
  ])('answers %s with 400 naming the field', async (_case, body, field, reason) => {
    const response = await app.inject(visitRequest(typeof body === 'string' ? body : JSON.stringify(body)));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field, message: expect.stringContaining(reason) });
    expect(await stored()).toEqual([]);
  });

  it('refuses a NUL character in the path with 400 (PostgreSQL could not store it)', async () => {
    const response = await app.inject(visitRequest({ path: '/a\u0000b' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('body.path');
  });

  it('stores <script> and control characters as plain text, exactly as sent', async () => {
    const path = '/<script>alert("p")</script>\u0007\u001b[2J';
    const referrer = 'javascript:alert(1)//<img src=x onerror=alert(2)>\r\n';
    const userAgent = `${BROWSER} <script>alert("ua")</script>`;
    const response = await app.inject(visitRequest({ path, referrer }, { 'user-agent': userAgent }));
    expect(response.statusCode).toBe(201);
    expect((await stored())[0]).toMatchObject({ path, referrer, userAgent });
  });

  it('answers more than the allowed visits per second from one IP with 429 and Retry-After', async () => {
    const limited = await trackingApp(store, { rateLimit: 5 });
    const codes = [];
    for (let index = 0; index < 6; index += 1) {
      codes.push((await limited.inject(visitRequest({ path: `/${index}` }))).statusCode);
    }
    const refused = await limited.inject(visitRequest({ path: '/again' }));
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json().statusCode).toBe(429);
    expect((await limited.inject({ url: '/api/visits/status' })).json().rateLimited).toBe(2);
    expect(await stored()).toHaveLength(5);
    await limited.close();
  });

  it('ignores a forged X-Forwarded-For when no proxy is trusted', async () => {
    const response = await app.inject(visitRequest({ path: '/' }, { 'x-forwarded-for': '198.51.100.7' }));
    expect(response.json().ip).toBe('127.0.0.0/24');
  });

  it('uses X-Forwarded-For from a trusted proxy', async () => {
    const proxied = await trackingApp(store, {}, '127.0.0.1');
    const response = await proxied.inject(visitRequest({ path: '/' }, { 'x-forwarded-for': '198.51.100.7' }));
    expect(response.json().ip).toBe('198.51.100.0/24');
    await proxied.close();
  });

  it('stores the address as TRACKING_IP says', async () => {
    const full = await trackingApp(store, { ipMode: 'full' });
    const hashed = await trackingApp(store, { ipMode: 'hashed' });
    const request = visitRequest({ path: '/' }, { 'x-forwarded-for': '198.51.100.7' });
    expect((await full.inject({ ...request, remoteAddress: '203.0.113.9' })).json().ip).toBe('203.0.113.9');
    expect((await hashed.inject({ ...request, remoteAddress: '203.0.113.9' })).json().ip).toMatch(/^hash:/);
    await full.close();
    await hashed.close();
  });

  it('does not count known bots or requests without user agent, and counts them per reason', async () => {
    const googlebot = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';
    const bot = await app.inject(visitRequest({ path: '/' }, { 'user-agent': googlebot }));
    expect(bot.statusCode).toBe(202);
    expect(bot.json()).toEqual({ dropped: 'known-bot' });
    await app.inject(visitRequest({ path: '/' }, { 'user-agent': 'curl/8.5.0' }));
    // The same bot again is still a bot (the answer per user agent is remembered).
    expect((await app.inject(visitRequest({ path: '/' }, { 'user-agent': googlebot }))).json()).toEqual({
      dropped: 'known-bot',
    });
    const anonymous = await app.inject(visitRequest({ path: '/' }, { 'user-agent': '' }));
    expect(anonymous.json()).toEqual({ dropped: 'no-user-agent' });
    expect(await stored()).toEqual([]);
    const status = (await app.inject({ url: '/api/visits/status' })).json();
    expect(status).toMatchObject({ visits: 0, dropped: { 'known-bot': 3, 'no-user-agent': 1 } });
  });

  it('answers 503 and acknowledges nothing when the store is unavailable', async () => {
    await store.close();
    const response = await app.inject(visitRequest({ path: '/' }));
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toMatch(/nicht gespeichert/);
    store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
    expect(await stored()).toEqual([]);
  });
});

describe('GET /api/visits', () => {
  it('pages newest first; next is the cursor for the following page', async () => {
    for (const path of ['/1', '/2', '/3', '/4', '/5']) await app.inject(visitRequest({ path }));
    const paths: string[][] = [];
    let url = '/api/visits?limit=2';
    for (;;) {
      const page = (await app.inject({ url })).json<VisitPage>();
      paths.push(page.visits.map((visit) => visit.path));
      if (page.next === null) break;
      url = `/api/visits?limit=2&before=${page.next}`;
    }
    expect(paths).toEqual([['/5', '/4'], ['/3', '/2'], ['/1']]);
  });

  it.each([
    ['limit=501', 'limit'],
    ['limit=0', 'limit'],
    ['limit=ten', 'limit'],
    ['before=-1', 'before'],
    ['before=abc', 'before'],
  ])('answers %s with 400 naming the parameter', async (query, field) => {
    const response = await app.inject({ url: `/api/visits?${query}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field, message: expect.stringContaining(`„${field}“`) });
  });
});

describe('GET /api/visits/stats', () => {
  it('counts the last 60 minutes per minute and the last 48 hours per hour', async () => {
    for (const path of ['/a', '/b', '/c']) await app.inject(visitRequest({ path }));
    const minutes = (await app.inject({ url: '/api/visits/stats?bucket=minute' })).json<VisitStats>();
    expect(minutes.counts).toHaveLength(60);
    expect(minutes.total).toBe(3);
    expect(minutes.counts.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(3);
    expect(Date.parse(minutes.counts[1]?.start ?? '') - Date.parse(minutes.counts[0]?.start ?? '')).toBe(60_000);
    const hours = (await app.inject({ url: '/api/visits/stats?bucket=hour' })).json<VisitStats>();
    expect(hours.counts).toHaveLength(48);
    expect(hours.counts.at(-1)?.count).toBe(3);
  });

  it('answers an unknown bucket with 400', async () => {
    const response = await app.inject({ url: '/api/visits/stats?bucket=day' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'bucket', message: expect.stringMatching(/minute, hour/) });
  });
});

describe('DELETE /api/visits', () => {
  const remove = (authorization?: string) =>
    app.inject({ method: 'DELETE', url: '/api/visits', headers: authorization ? { authorization } : {} });

  it('needs the admin token: 401 without one, 403 with a wrong one', async () => {
    await app.inject(visitRequest({ path: '/' }));
    for (const authorization of [undefined, 'test-admin', 'Basic test-admin']) {
      const response = await remove(authorization);
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
    expect((await remove('Bearer wrong')).statusCode).toBe(403);
    expect(await stored()).toHaveLength(1);
    const response = await remove('Bearer test-admin');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ deleted: 1 });
    expect(await stored()).toEqual([]);
  });

  it('is disabled without ADMIN_TOKEN (503)', async () => {
    const open = await trackingApp(store, { adminToken: undefined });
    const response = await open.inject({ method: 'DELETE', url: '/api/visits', headers: { authorization: 'Bearer ' } });
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toMatch(/ADMIN_TOKEN ist nicht gesetzt/);
    await open.close();
  });
});

describe('CORS', () => {
  it('lets only the allowed origins read the API', async () => {
    const shared = await trackingApp(store, { corsOrigins: ['https://kurs.example'] });
    const allowed = await shared.inject({ url: '/api/visits', headers: { origin: 'https://kurs.example' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://kurs.example');
    const other = await shared.inject({ url: '/api/visits', headers: { origin: 'https://evil.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await shared.inject({
      method: 'OPTIONS',
      url: '/api/visits',
      headers: {
        origin: 'https://kurs.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-methods']).toContain('POST');
    await shared.close();
  });
});
