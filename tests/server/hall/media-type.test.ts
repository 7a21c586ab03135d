import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { followPlugin } from '../../../src/server/follow/plugin';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { BROWSER, tempDir, trackingApp } from '../tracking/helpers';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('non-JSON bodies on JSON routes', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'path=%2F'],
    ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="path"\r\n\r\n/\r\n--x--'],
    ['application/xml', '<path>/</path>'],
  ])('POST /api/visits with %s: 415, German, nothing stored', async (type, payload) => {
    const dir = tempDir();
    const store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
    const app = await trackingApp(store);
    cleanups.push(async () => {
      await app.close();
      await store.close();
      dir.remove();
    });
    const response = await app.inject({
      method: 'POST',
      url: '/api/visits',
      headers: { 'content-type': type, 'user-agent': BROWSER },
      payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toBe(
      'Der Tracking-Server nimmt nur JSON an (Content-Type: application/json oder text/plain).',
    );
    expect(await store.count()).toBe(0);
  });

  it.each([
    ['text/plain', '{"index":3}'],
    ['application/x-www-form-urlencoded', 'index=3'],
  ])('POST /api/follow/<deck> with %s: 415, German, slide unchanged', async (type, payload) => {
    const app: FastifyInstance = Fastify({ logger: false });
    cleanups.push(() => app.close());
    await app.register(followPlugin, { presenterToken: 'secret', decks: ['kapitel-2'] });
    const response = await app.inject({
      method: 'POST',
      url: '/api/follow/kapitel-2',
      headers: { 'content-type': type, authorization: 'Bearer secret' },
      payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().message).toBe('Der Folgen-Dienst nimmt nur JSON an (Content-Type: application/json).');
    expect((await app.inject({ url: '/api/follow/kapitel-2' })).json().index).toBeNull();
  });
});
