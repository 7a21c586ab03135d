import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowChannels } from '../../../src/server/follow/channels';
import { followPlugin } from '../../../src/server/follow/plugin';
import type { FollowState } from '../../../src/shared/follow';
import { openEventStream } from '../event-stream';

const TOKEN = 'lecturer-secret';
const auth = { authorization: `Bearer ${TOKEN}` };

let app: FastifyInstance | undefined;

const DECKS = ['kapitel-2', 'uebung-1', 'uebung-2', 'x'];

async function followApp(presenterToken: string | undefined, channels?: FollowChannels): Promise<FastifyInstance> {
  // Aborted event streams can leave a fresh keep-alive socket behind that only a forced close ends.
  app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(followPlugin, { presenterToken, decks: DECKS, channels });
  return app;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Reads `slide` events from a real HTTP response. */
async function follow(base: string, deck: string) {
  const stream = await openEventStream(`${base}/api/follow/${deck}/events`);
  const next = async (): Promise<FollowState> => {
    for (;;) {
      const event = await stream.next();
      if (event.event === 'slide') return JSON.parse(event.data) as FollowState;
    }
  };
  return { ...stream, next };
}

describe('publishing a slide', () => {
  it('needs the presenter token: 401 without, 403 with a wrong one, and nothing changes', async () => {
    const server = await followApp(TOKEN);
    const missing = await server.inject({ method: 'POST', url: '/api/follow/kapitel-2', payload: { index: 3 } });
    expect(missing.statusCode).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const wrong = await server.inject({
      method: 'POST',
      url: '/api/follow/kapitel-2',
      headers: { authorization: 'Bearer guess' },
      payload: { index: 3 },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().message).toMatch(/Token/);
    const state = await server.inject({ url: '/api/follow/kapitel-2' });
    expect(state.json()).toEqual({ deck: 'kapitel-2', index: null, updatedAt: null, live: false, blackout: false });
  });

  it('answers 503 when no PRESENTER_TOKEN is configured', async () => {
    const server = await followApp(undefined);
    const response = await server.inject({
      method: 'POST',
      url: '/api/follow/kapitel-2',
      headers: auth,
      payload: { index: 1 },
    });
    expect(response.statusCode).toBe(503);
    expect(response.json().message).toMatch(/Folgen ist nicht eingerichtet: PRESENTER_TOKEN/);
  });

  it('stores the slide per deck', async () => {
    const server = await followApp(TOKEN);
    const posted = await server.inject({
      method: 'POST',
      url: '/api/follow/uebung-1',
      headers: auth,
      payload: { index: 4 },
    });
    expect(posted.statusCode).toBe(200);
    expect(posted.json()).toMatchObject({ deck: 'uebung-1', index: 4 });
    expect((await server.inject({ url: '/api/follow/uebung-1' })).json()).toMatchObject({ index: 4 });
    expect((await server.inject({ url: '/api/follow/uebung-2' })).json()).toMatchObject({ index: null });
  });

  it.each([
    ['a negative index', '/api/follow/kapitel-2', { index: -1 }],
    ['a fractional index', '/api/follow/kapitel-2', { index: 1.5 }],
    ['a missing index', '/api/follow/kapitel-2', {}],
    ['a deck id with a dot', '/api/follow/..%2Fetc', { index: 1 }],
    ['a deck id that is too long', `/api/follow/${'a'.repeat(65)}`, { index: 1 }],
  ])('rejects %s with 400', async (_name, url, payload) => {
    const server = await followApp(TOKEN);
    const response = await server.inject({ method: 'POST', url, headers: auth, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBeTruthy();
  });

  it('bounds the channels presenters open for decks the site does not have, reusing those nobody follows', async () => {
    const server = await followApp(TOKEN, new FollowChannels({ decks: DECKS, maxOpened: 2 }));
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    for (const deck of ['a', 'b']) {
      await server.inject({ method: 'POST', url: `/api/follow/${deck}`, headers: auth, payload: { index: 0 } });
    }
    const a = await follow(base, 'a');
    const b = await follow(base, 'b');
    const third = await server.inject({ method: 'POST', url: '/api/follow/c', headers: auth, payload: { index: 0 } });
    expect(third.statusCode).toBe(503);
    a.close();
    await expect
      .poll(
        async () =>
          (await server.inject({ method: 'POST', url: '/api/follow/c', headers: auth, payload: { index: 0 } }))
            .statusCode,
      )
      .toBe(200);
    b.close();
  });
});

describe('following over Server-Sent Events', () => {
  it('sends the current slide on connect and every change, only to its own deck', async () => {
    const server = await followApp(TOKEN);
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    await server.inject({ method: 'POST', url: '/api/follow/kapitel-2', headers: auth, payload: { index: 2 } });
    const first = await follow(base, 'kapitel-2');
    const second = await follow(base, 'kapitel-2');
    const other = await follow(base, 'uebung-1');
    expect(first.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect((await first.next()).index).toBe(2);
    expect((await second.next()).index).toBe(2);

    await server.inject({ method: 'POST', url: '/api/follow/kapitel-2', headers: auth, payload: { index: 5 } });
    await server.inject({ method: 'POST', url: '/api/follow/uebung-1', headers: auth, payload: { index: 1 } });
    expect((await first.next()).index).toBe(5);
    expect((await second.next()).index).toBe(5);
    expect(await other.next()).toMatchObject({ deck: 'uebung-1', index: 1 });
    for (const stream of [first, second, other]) stream.close();
  });

  it('a follower that reconnects gets the slide it missed', async () => {
    const server = await followApp(TOKEN);
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const before = await follow(base, 'kapitel-2');
    before.close();
    await server.inject({ method: 'POST', url: '/api/follow/kapitel-2', headers: auth, payload: { index: 7 } });
    const after = await follow(base, 'kapitel-2');
    expect((await after.next()).index).toBe(7);
    after.close();
  });

  it('refuses followers beyond the limit with 503 and frees slots when they leave', async () => {
    const server = await followApp(TOKEN, new FollowChannels({ decks: DECKS, streams: { total: 1 } }));
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const first = await follow(base, 'kapitel-2');
    const refused = await fetch(`${base}/api/follow/kapitel-2/events`);
    expect(refused.status).toBe(503);
    first.close();
    await expect
      .poll(
        async () =>
          (await server.inject({ url: '/api/follow/x/events', method: 'GET', payloadAsStream: true })).statusCode,
      )
      .toBe(200);
  });

  it('rejects an invalid deck id', async () => {
    const server = await followApp(TOKEN);
    expect((await server.inject({ url: '/api/follow/a%20b/events' })).statusCode).toBe(400);
    expect((await server.inject({ url: '/api/follow/a%20b' })).statusCode).toBe(400);
  });
});
