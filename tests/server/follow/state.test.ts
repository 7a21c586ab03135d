import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FollowChannels } from '../../../src/server/follow/channels';
import { followPlugin } from '../../../src/server/follow/plugin';
import { MAX_DEMO_STATE_BYTES, MAX_DEMOS_PER_DECK, type FollowState } from '../../../src/shared/follow';
import { nextOf, openEventStream } from '../event-stream';

const TOKEN = 'lecturer-secret';
const auth = { authorization: `Bearer ${TOKEN}` };
const DECK = 'kapitel-2';
const TASK = { demo: 'task', connection: 'live', status: 'Live', run: { phase: 'running', progress: 0.4 } };

let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function followApp(options: { liveMs?: number } = {}): Promise<{ server: FastifyInstance; base: string }> {
  app = Fastify({ logger: false, forceCloseConnections: true });
  await app.register(followPlugin, {
    presenterToken: TOKEN,
    decks: [DECK],
    channels: new FollowChannels({ decks: [DECK], ...options }),
  });
  return { server: app, base: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

function putDemo(server: FastifyInstance, key: string, state: unknown, headers: Record<string, string> = auth) {
  return server.inject({ method: 'PUT', url: `/api/follow/${DECK}/state/${key}`, headers, payload: state as object });
}

describe('demo states for followers', () => {
  it('reach connected followers at once and followers who join late on connect', async () => {
    const { server, base } = await followApp();
    await server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload: { index: 4 } });
    const early = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(early, 'slide')).toMatchObject({ index: 4, live: true });
    const stored = await putDemo(server, '5-1', TASK);
    expect(stored.statusCode).toBe(200);
    expect(stored.json()).toEqual({ deck: DECK, key: '5-1', demos: 1 });
    expect(await nextOf(early, 'demo')).toEqual({ key: '5-1', state: TASK });

    const late = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(late, 'demo')).toEqual({ key: '5-1', state: TASK });
    early.close();
    late.close();
  });

  it('only the presenter publishes; hostile keys, bodies and sizes are refused in German, nothing is kept', async () => {
    const { server } = await followApp();
    expect((await putDemo(server, '5-1', TASK, {})).statusCode).toBe(401);
    expect((await putDemo(server, '5-1', TASK, { authorization: 'Bearer geraten' })).statusCode).toBe(403);
    for (const key of ['0-1', '5', '5-1-2', '1-x', '<b>', '1-'.repeat(30)]) {
      expect((await putDemo(server, encodeURIComponent(key), TASK)).statusCode, key).toBe(400);
    }
    const noKind = await putDemo(server, '5-1', { connection: 'live' });
    expect(noKind.statusCode).toBe(400);
    expect(noKind.json().message).toMatch(/\S/);
    const big = await putDemo(server, '5-1', { ...TASK, padding: 'x'.repeat(MAX_DEMO_STATE_BYTES) });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toMatch(/zu groß/);
    for (let slide = 1; slide <= MAX_DEMOS_PER_DECK; slide++) {
      expect((await putDemo(server, `${slide}-1`, TASK)).statusCode).toBe(200);
    }
    const tooMany = await putDemo(server, `${MAX_DEMOS_PER_DECK + 1}-1`, TASK);
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ limit: MAX_DEMOS_PER_DECK, message: expect.stringMatching(/Demos/) });
    // A demo already known may still change.
    expect((await putDemo(server, '1-1', { ...TASK, status: 'neu' })).json().demos).toBe(MAX_DEMOS_PER_DECK);
  });
});

describe('live: a presenter who published lately and has not left', () => {
  it('is live after a publish, and no longer once the presenter fell silent (followers are told)', async () => {
    const { server, base } = await followApp({ liveMs: 300 });
    const state = async () => (await server.inject({ url: `/api/follow/${DECK}` })).json() as FollowState;
    expect((await state()).live).toBe(false);
    await server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload: { index: 2 } });
    expect((await state()).live).toBe(true);

    const stream = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(stream, 'slide')).toMatchObject({ index: 2, live: true });
    expect(await nextOf(stream, 'slide')).toMatchObject({ index: 2, live: false });

    await server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload: { index: 3 } });
    expect(await nextOf(stream, 'slide')).toMatchObject({ index: 3, live: true });
    // No further publish: after liveMs the followers learn that the lecture is over.
    expect(await nextOf(stream, 'slide')).toMatchObject({ index: 3, live: false });
    expect((await state()).live).toBe(false);
    stream.close();
  });
});

describe('blackout: the lecturer’s black screen reaches followers', () => {
  it('is sent on change and to late joiners, ends with the next publish without it, and is checked', async () => {
    const { server, base } = await followApp();
    const publish = (payload: object) =>
      server.inject({ method: 'POST', url: `/api/follow/${DECK}`, headers: auth, payload });
    await publish({ index: 6 });
    const early = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(early, 'slide')).toMatchObject({ index: 6, blackout: false });

    expect((await publish({ index: 6, blackout: true })).json()).toMatchObject({ index: 6, blackout: true });
    expect(await nextOf(early, 'slide')).toMatchObject({ index: 6, blackout: true, live: true });
    const late = await openEventStream(`${base}/api/follow/${DECK}/events`);
    expect(await nextOf(late, 'slide')).toMatchObject({ index: 6, blackout: true });

    await publish({ index: 6 });
    expect(await nextOf(early, 'slide')).toMatchObject({ index: 6, blackout: false });
    expect(await nextOf(late, 'slide')).toMatchObject({ index: 6, blackout: false });

    for (const blackout of ['ja', 1, null]) {
      const refused = await publish({ index: 6, blackout });
      expect(refused.statusCode, String(blackout)).toBe(400);
      expect(refused.json().message).toMatch(/\S/);
    }
    const forged = await server.inject({
      method: 'POST',
      url: `/api/follow/${DECK}`,
      headers: { authorization: 'Bearer geraten' },
      payload: { index: 6, blackout: true },
    });
    expect(forged.statusCode).toBe(403);
    expect(((await server.inject({ url: `/api/follow/${DECK}` })).json() as FollowState).blackout).toBe(false);
    early.close();
    late.close();
  });
});
