import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Visit } from '../../../src/shared/tracking';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { BROWSER, tempDir, trackingApp, visitRequest } from './helpers';

let dir: ReturnType<typeof tempDir>;
let store: SqliteVisitStore;
let app: FastifyInstance;
const visits: Visit[] = [];
/** Stands for the site build's script; `tests/integration/site/first-start.test.ts` serves the real one. */
const LIVE_SCRIPT = 'document.title = "live";';

beforeAll(async () => {
  dir = tempDir();
  store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
  app = await trackingApp(store, { liveScript: LIVE_SCRIPT });
  for (const path of ['/erste', '/zweite', '/dritte']) {
    visits.push((await app.inject(visitRequest({ path }))).json());
  }
  const hostile = visitRequest(
    { path: '/<script>alert("path")</script>\u0007', referrer: '"><img src=x onerror=alert(1)>\u202e' },
    { 'user-agent': `${BROWSER} <script>alert("ua")</script>` },
  );
  visits.push((await app.inject(hostile)).json());
});

afterAll(async () => {
  await app.close();
  await store.close();
  dir.remove();
});

describe('GET /visits', () => {
  it('lists the visits newest first as HTML with a strict CSP', async () => {
    const response = await app.inject({ url: '/visits' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    const ids = [...response.body.matchAll(/<tr data-id="(\d+)">/g)].map((match) => Number(match[1]));
    expect(ids).toEqual(visits.map((visit) => visit.id).reverse());
    expect(response.body).toContain('127.0.0.0/24');
    expect(response.body).toContain('<script type="module" src="/visits/live.js"></script>');
  });

  it('shows markup and control characters as text, never as markup', async () => {
    const { body } = await app.inject({ url: '/visits' });
    expect(body).toContain('/&lt;script&gt;alert(&quot;path&quot;)&lt;/script&gt;\\x07');
    expect(body).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\\u202E');
    expect(body).toContain('&lt;script&gt;alert(&quot;ua&quot;)&lt;/script&gt;');
    expect(body.match(/<script/g)).toHaveLength(1);
    expect(body).not.toContain('<img');
    expect(body).not.toContain('\u0007');
  });

  it('pages with an “Ältere Besuche” link; older pages have no live mode', async () => {
    const first = await app.inject({ url: '/visits?limit=2' });
    const link = /href="\/visits\?before=(\d+)&amp;limit=2" rel="next"/.exec(first.body);
    expect(Number(link?.[1])).toBe(visits[2]?.id);
    const second = await app.inject({ url: `/visits?before=${link?.[1]}&limit=2` });
    const ids = [...second.body.matchAll(/<tr data-id="(\d+)">/g)].map((match) => Number(match[1]));
    expect(ids).toEqual([visits[1]?.id, visits[0]?.id]);
    expect(second.body).not.toContain('rel="next"');
    expect(second.body).not.toContain('/visits/live.js');
  });

  it('answers a bad page request with 400', async () => {
    for (const query of ['limit=0', 'limit=abc', 'before=x']) {
      expect((await app.inject({ url: `/visits?${query}` })).statusCode).toBe(400);
    }
  });
});

describe('live mode', () => {
  it('gets the rows newer than the newest shown, rendered like the page', async () => {
    const response = await app.inject({ url: `/visits/rows?after=${visits[1]?.id}` });
    const ids = [...response.body.matchAll(/<tr data-id="(\d+)">/g)].map((match) => Number(match[1]));
    expect(ids).toEqual([visits[3]?.id, visits[2]?.id]);
    expect(response.body).toContain('&lt;script&gt;');
    expect((await app.inject({ url: '/visits/rows' })).statusCode).toBe(400);
  });

  it('serves the built script as JavaScript', async () => {
    const response = await app.inject({ url: '/visits/live.js' });
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toBe(LIVE_SCRIPT);
  });

  it('without a built site: the page says how to get it, and its script is a clear 404', async () => {
    const unbuilt = await trackingApp(store);
    const page = await unbuilt.inject({ url: '/visits' });
    expect(page.body).toContain('Den Live-Modus gibt es, sobald die Website gebaut ist');
    expect(page.body).not.toContain('<script');
    const script = await unbuilt.inject({ url: '/visits/live.js' });
    expect(script.statusCode).toBe(404);
    expect(script.json()).toMatchObject({ statusCode: 404, message: expect.stringContaining('npm run build') });
    await unbuilt.close();
  });
});
