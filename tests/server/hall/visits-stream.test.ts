import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { tempDir, trackingApp } from '../tracking/helpers';

let dir: ReturnType<typeof tempDir>;
let store: SqliteVisitStore;
let app: FastifyInstance;

beforeEach(async () => {
  dir = tempDir();
  store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
});

afterEach(async () => {
  await app.close();
  await store.close();
  dir.remove();
});

describe('GET /api/visits/stream in a hall', () => {
  it('no client can take all places: one address gets 429 at its cap, the next still gets in', async () => {
    app = await trackingApp(store, { streams: { perClient: 16, total: 40 } }, true);
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
    const url = `${base}/api/visits/stream`;
    const mine = await Promise.all(Array.from({ length: 20 }, () => fetch(url, from('10.2.2.2'))));
    const codes = mine.map((response) => response.status).sort();
    expect(codes).toEqual([...Array(16).fill(200), ...Array(4).fill(429)]);
    const refused = mine.find((response) => response.status === 429);
    expect(await refused?.json()).toMatchObject({ limit: 16, message: expect.stringMatching(/^Von Ihrer Adresse/) });
    expect((await fetch(url, from('10.2.2.3'))).status).toBe(200);
    expect((await app.inject({ url: '/api/visits/status' })).json().streamClients).toBe(17);
    await app.close();
  });
});
