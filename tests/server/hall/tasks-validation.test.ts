import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, tasksPlugin } from '../../../src/server/tasks/plugin';
import { embeddedRunner } from '../tasks/helpers';

/** The task API as a lecture hall meets it, with and without the default body limit. */
async function app(bodyLimit?: number): Promise<FastifyInstance> {
  const runner = await embeddedRunner({ threads: 1 });
  const instance = Fastify();
  instance.addHook('onClose', () => runner.close());
  await instance.register(tasksPlugin, {
    runner,
    rateLimit: false,
    bodyLimit,
    bytesPer10s: bodyLimit === undefined ? undefined : 8 * bodyLimit,
  });
  return instance;
}

describe('validation cost is bounded before validation', () => {
  let standard: FastifyInstance;
  let roomy: FastifyInstance;
  beforeAll(async () => {
    [standard, roomy] = await Promise.all([app(), app(8 * 1024 * 1024)]);
  });
  afterAll(() => Promise.all([standard.close(), roomy.close()]));

  const hostile = JSON.stringify({ task: 'sum', params: Array.from({ length: 500_000 }, (_, i) => i % 10) });

  it('refuses a 1 MB body of 500,000 numbers unread, naming the limit', async () => {
    expect(hostile.length).toBeGreaterThan(MAX_BODY_BYTES);
    const response = await standard.inject({
      method: 'POST',
      url: '/api/execute',
      headers: { 'content-type': 'application/json' },
      payload: hostile,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ limit: MAX_BODY_BYTES, message: expect.stringContaining('zu groß') });
    // The rest of the body is not read: the connection ends with the answer.
    expect(response.headers.connection).toBe('close');
  });

  it('refuses a list over the task’s limit for its length, with one error, not one per element', async () => {
    const strings = JSON.stringify({ task: 'sum', params: Array.from({ length: 500_000 }, () => 'x') });
    for (const payload of [hostile, strings]) {
      const response = await roomy.inject({
        method: 'POST',
        url: '/api/execute',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      const body = response.json();
      expect(body).toMatchObject({ field: 'params', limit: 10_000 });
      expect(body.message).toBe('Ungültige Eingabe: „params“ hat zu viele Einträge (höchstens 10000).');
    }
  });

  it('checks the length of a text before its content', async () => {
    const response = await roomy.inject({
      method: 'POST',
      url: '/api/jobs',
      headers: { 'content-type': 'application/json' },
      payload: { task: 'hash', params: { text: 'ä'.repeat(100_000), iterations: 'viele' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'params.text' });
  });

  it('parses no more than four of the largest bodies per client and 10 s; other clients go on', async () => {
    const nearLimit = JSON.stringify({ task: 'sum', params: Array(36_000).fill(123_456) });
    expect(nearLimit.length).toBeLessThan(MAX_BODY_BYTES);
    const send = (from: string) =>
      standard.inject({
        method: 'POST',
        url: '/api/execute',
        remoteAddress: from,
        headers: { 'content-type': 'application/json' },
        payload: nearLimit,
      });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send('10.9.9.9'));
    expect(answers.map((answer) => answer.statusCode)).toEqual([400, 400, 400, 400, 429]);
    expect(answers[4]!.headers['retry-after']).toMatch(/^\d+$/);
    expect(answers[4]!.json().message).toMatch(/^Sie haben in 10 s schon 1 MiB an Anfragen geschickt/);
    expect((await send('10.9.9.10')).statusCode).toBe(400);
  });

  it('still fits every task’s largest parameters into the default body limit', async () => {
    const widest = JSON.stringify({ task: 'sort', params: Array(10_000).fill(-123_456_789_012.345_67) });
    expect(widest.length).toBeLessThan(MAX_BODY_BYTES);
    const response = await standard.inject({
      method: 'POST',
      url: '/api/execute',
      headers: { 'content-type': 'application/json' },
      payload: widest,
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('JSON routes take JSON only', () => {
  let server: FastifyInstance;
  beforeAll(async () => {
    server = await app();
  });
  afterAll(() => server.close());

  it.each(['/api/execute', '/api/jobs'])('answers text/plain on %s with 415 and a German reason', async (url) => {
    const response = await server.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'text/plain' },
      payload: '{"task": "sum", "params": [1, 2]}',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({
      error: 'Unsupported Media Type',
      message: 'Der Task-Server nimmt nur JSON an (Content-Type: application/json).',
    });
  });
});
