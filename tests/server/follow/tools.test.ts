import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowChannels } from '../../../src/server/follow/channels';
import { followPlugin } from '../../../src/server/follow/plugin';
import { MAX_POINTS, MAX_STROKES } from '../../../src/shared/ink';
import { nextOf, openEventStream } from '../event-stream';

const TOKEN = 'lecturer-secret';
const auth = { authorization: `Bearer ${TOKEN}` };
const DECK = 'kapitel-2';
const STROKE = { color: '#d62828', width: 8, points: [100, 200, 140, 210, 180, 260] };

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function followApp(): Promise<{ server: FastifyInstance; base: string }> {
  app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(followPlugin, {
    presenterToken: TOKEN,
    decks: [DECK],
    channels: new FollowChannels({ decks: [DECK] }),
  });
  return { server: app, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

function send(server: FastifyInstance, tool: string, payload: unknown, headers: Record<string, string> = auth) {
  return server.inject({
    method: tool === 'remote' ? 'POST' : 'PUT',
    url: `/api/follow/${DECK}/${tool}`,
    headers,
    payload: payload as object,
  });
}

describe('pen, laser and remote on the follow channel', () => {
  it('strokes reach followers and late joiners; the laser and remote commands pass through', async () => {
    const { server, base } = await followApp();
    await server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload: { index: 3 } });
    const early = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(early, 'slide')).toMatchObject({ index: 3, live: true });

    const ink = { index: 3, strokes: [STROKE] };
    const stored = await send(server, 'ink', ink);
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toEqual({ deck: DECK, event: 'ink' });
    expect(await nextOf(early, 'ink')).toEqual(ink);

    const laser = { index: 3, point: { x: 0.25, y: 0.5 } };
    expect((await send(server, 'laser', laser)).statusCode).toBe(200);
    expect(await nextOf(early, 'laser')).toEqual(laser);
    expect((await send(server, 'remote', { command: 'next' })).statusCode).toBe(200);
    expect(await nextOf(early, 'remote')).toEqual({ command: 'next' });

    const late = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(late, 'ink')).toEqual(ink);
    early.close();
    late.close();
  });

  it('the presenter timer travels with the slide; only its start, stop or reset is news', async () => {
    const { server, base } = await followApp();
    const publish = (timer: object) =>
      server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload: { index: 1, timer } });
    await publish({ elapsedMs: 0, running: false });
    const stream = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(stream, 'slide')).toMatchObject({ timer: { elapsedMs: 0, running: false } });
    await publish({ elapsedMs: 10, running: true });
    expect(await nextOf(stream, 'slide')).toMatchObject({ timer: { elapsedMs: 10, running: true } });
    await publish({ elapsedMs: 10_010, running: true });
    await publish({ elapsedMs: 12_000, running: false });
    expect(await nextOf(stream, 'slide')).toMatchObject({ timer: { elapsedMs: 12_000, running: false } });
    const refused = await publish({ elapsedMs: -1, running: true });
    expect(refused.statusCode).toBe(400);
    stream.close();
  });

  it('refuses strangers, made-up strokes and oversized slides in German, and remote commands without a presenter', async () => {
    const { server } = await followApp();
    const idle = await send(server, 'remote', { command: 'next' });
    expect(idle.statusCode).toBe(409);
    expect(idle.json().message).toMatch(/Referentenansicht/);
    await server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload: { index: 0 } });

    for (const tool of ['ink', 'laser', 'remote']) {
      expect((await send(server, tool, {}, {})).statusCode, tool).toBe(401);
      expect((await send(server, tool, {}, { authorization: 'Bearer geraten' })).statusCode, tool).toBe(403);
    }
    const hostile = [
      { index: 0, strokes: [{ ...STROKE, color: 'url(javascript:alert(1))' }] },
      { index: 0, strokes: [{ ...STROKE, width: 500 }] },
      { index: 0, strokes: [{ ...STROKE, points: [1] }] },
      { index: 0, strokes: [{ ...STROKE, points: [1, 1e9] }] },
      { index: 0, strokes: [{ ...STROKE, points: [1.5, 2] }] },
      { index: -1, strokes: [] },
      { index: 0, strokes: [STROKE], extra: true },
      { index: 0, strokes: Array.from({ length: MAX_STROKES + 1 }, () => STROKE) },
      { index: 0, strokes: [{ ...STROKE, points: Array.from({ length: 2 * MAX_POINTS + 2 }, () => 5) }] },
    ];
    for (const ink of hostile) {
      const reply = await send(server, 'ink', ink);
      expect(reply.statusCode, JSON.stringify(ink).slice(0, 80)).toBe(400);
      expect(reply.json().message).toMatch(/\S/);
    }
    const huge = await send(server, 'ink', { index: 0, strokes: [STROKE], padding: 'x'.repeat(600 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toMatch(/zu groß/);
    for (const laser of [{ index: 0, point: { x: 2, y: 0 } }, { index: 0 }, { index: 0, point: 'oben' }]) {
      expect((await send(server, 'laser', laser)).statusCode).toBe(400);
    }
    expect((await send(server, 'remote', { command: 'quit' })).statusCode).toBe(400);
    const unknown = await server.inject({
      method: 'PUT',
      url: '/api/follow/gibt-es-nicht/ink',
      headers: auth,
      payload: { index: 0, strokes: [] },
    });
    expect(unknown.statusCode).toBe(404);
  });
});
