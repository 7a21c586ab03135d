import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { followPlugin } from '../../../src/server/follow/plugin';

const TOKEN = 'lecturer-secret';
const auth = { authorization: `Bearer ${TOKEN}` };

let app: FastifyInstance | undefined;
let logLines: string[] = [];

async function followApp(): Promise<FastifyInstance> {
  logLines = [];
  app = Fastify({
    forceCloseConnections: true,
    trustProxy: true,
    logger: { level: 'info', stream: { write: (line: string) => void logLines.push(line) } },
  });
  await app.register(followPlugin, { presenterToken: TOKEN, decks: ['kapitel-2'] });
  return app;
}

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('follow in a hall', () => {
  it('knows only the decks the site has: a made-up deck is a 404, for its state and its stream', async () => {
    const server = await followApp();
    expect((await server.inject({ url: '/api/follow/kapitel-2' })).statusCode).toBe(200);
    const state = await server.inject({ url: '/api/follow/ausgedacht' });
    expect(state.statusCode).toBe(404);
    expect(state.json()).toMatchObject({ field: 'deck', message: 'Den Foliensatz „ausgedacht“ gibt es nicht.' });
    expect((await server.inject({ url: '/api/follow/ausgedacht/events' })).statusCode).toBe(404);
  });

  it('199 streams for made-up decks take nothing from the presenter', async () => {
    const server = await followApp();
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const refused = await Promise.all(
      Array.from({ length: 199 }, async (_, index) => (await fetch(`${base}/api/follow/deck-${index}/events`)).status),
    );
    expect(new Set(refused)).toEqual(new Set([404]));
    const posted = await server.inject({
      method: 'POST',
      url: '/api/follow/kapitel-2',
      headers: auth,
      payload: { index: 3 },
    });
    expect(posted.statusCode).toBe(200);
    const opened = await server.inject({
      method: 'POST',
      url: '/api/follow/neu',
      headers: auth,
      payload: { index: 0 },
    });
    expect(opened.statusCode).toBe(200);
    expect((await server.inject({ url: '/api/follow/neu' })).json()).toMatchObject({ index: 0 });
  });

  it('caps the streams of one address; others still follow; a refusal logs one line without a stack', async () => {
    const server = await followApp();
    const base = await server.listen({ port: 0, host: '127.0.0.1' });
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    const url = `${base}/api/follow/kapitel-2/events`;
    const open = await Promise.all(Array.from({ length: 16 }, () => fetch(url, from('10.1.1.1'))));
    expect(open.map((response) => response.status)).toEqual(Array(16).fill(200));
    const refused = await fetch(url, from('10.1.1.1'));
    expect(refused.status).toBe(429);
    expect((await fetch(url, from('10.1.1.2'))).status).toBe(200);
    const lines = logLines.filter((line) => line.includes('Event-Streams offen'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/stack|at .*\.ts:\d+/);
  });

  it.each([
    ['null', { index: null }],
    ['true', { index: true }],
    ['false', { index: false }],
    ['an array', { index: [1] }],
    ['a string', { index: '3' }],
  ])('rejects %s as index with 400 and keeps the slide', async (_name, payload) => {
    const server = await followApp();
    await server.inject({ method: 'POST', url: '/api/follow/kapitel-2', headers: auth, payload: { index: 4 } });
    const response = await server.inject({ method: 'POST', url: '/api/follow/kapitel-2', headers: auth, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      field: 'body.index',
      message: expect.stringMatching(/muss eine ganze Zahl sein/),
    });
    expect((await server.inject({ url: '/api/follow/kapitel-2' })).json()).toMatchObject({ index: 4 });
  });
});
