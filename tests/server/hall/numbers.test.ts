import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';
import { buildTrackingApp } from '../../../src/server/tracking/service';
import { STORE_KINDS, type TestStore } from '../tracking/helpers';

interface Parameter {
  in: 'query' | 'path' | 'header';
  name: string;
  required?: boolean;
  schema: { type?: string; minimum?: number; maximum?: number };
}
type Document = { paths: Record<string, Record<string, { parameters?: Parameter[] }>> };

/** Every numeric parameter of the OpenAPI description, with the route it belongs to. */
async function numericParameters(app: FastifyInstance) {
  const document = (await app.inject({ url: '/api/openapi.json' })).json<Document>();
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).flatMap(([method, operation]) =>
      (operation.parameters ?? [])
        .filter((parameter) => ['integer', 'number'].includes(parameter.schema.type ?? ''))
        .map((parameter) => ({ path, method: method.toUpperCase(), parameter, others: operation.parameters ?? [] })),
    ),
  );
}

const HOSTILE = ['Infinity', '1e400', '-1', '9223372036854775808', '1e300', '-Infinity', '0x10', '1.5'];

/** Sends `value` as the parameter, with harmless values for the route's other required ones. */
async function send(app: FastifyInstance, route: Awaited<ReturnType<typeof numericParameters>>[number], value: string) {
  let url = route.path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of route.others) {
    const given = parameter.name === route.parameter.name ? value : parameter.required ? '1' : undefined;
    if (given === undefined) continue;
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(given));
    else if (parameter.in === 'query') query.set(parameter.name, given);
    else headers[parameter.name] = given;
  }
  url = url.replace(/\{[^}]+\}/g, 'kapitel-2');
  const response = await app.inject({
    method: route.method as 'GET',
    url: query.size > 0 ? `${url}?${query}` : url,
    headers,
    payloadAsStream: true,
  });
  response.stream().destroy();
  return response;
}

async function walk(app: FastifyInstance): Promise<number> {
  const routes = await numericParameters(app);
  for (const route of routes) {
    const name = `${route.method} ${route.path} ${route.parameter.in}:${route.parameter.name}`;
    expect(route.parameter.schema.type, name).toBe('integer');
    expect(route.parameter.schema.minimum, name).toBeTypeOf('number');
    expect(route.parameter.schema.maximum, name).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    for (const value of HOSTILE) {
      const response = await send(app, route, value);
      expect(response.statusCode, `${name}=${value}`).toBe(400);
      expect(response.headers['content-type'], `${name}=${value}`).toMatch(/^application\/json/);
    }
  }
  return routes.length;
}

describe('numbers in queries, paths and headers', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-numbers-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp(loadConfig({ DATA_DIR: dataDir, SITE_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every numeric parameter of every route is a bounded integer: Infinity, 1e400, -1, 2^63 … are 400', async () => {
    expect(await walk(app)).toBeGreaterThanOrEqual(5);
  });

  it('answers in German and names the parameter', async () => {
    const response = await app.inject({ url: '/api/visits?limit=Infinity' });
    expect(response.json()).toMatchObject({
      statusCode: 400,
      field: 'limit',
      message: 'Ungültige Eingabe: „limit“ muss eine ganze Zahl sein.',
    });
    expect((await app.inject({ url: '/api/visits?before=9223372036854775808' })).json().message).toBe(
      `Ungültige Eingabe: „before“ ist zu groß (Grenze: ${Number.MAX_SAFE_INTEGER}).`,
    );
  });
});

describe.each(STORE_KINDS)('numbers in tracking queries on $name', ({ name, skip, open }) => {
  let store: TestStore;
  let app: FastifyInstance;

  beforeAll(async () => {
    if (skip) return;
    store = await open();
    app = await buildTrackingApp(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }), store.store);
  });
  afterAll(async () => {
    if (skip) return;
    await app.close();
    await store.dispose();
  });

  it.skipIf(skip)(`limit, before and after out of range are 400, not a ${name} error`, async () => {
    expect(await walk(app)).toBeGreaterThanOrEqual(5);
    const valid = await app.inject({ url: `/api/visits?limit=500&before=${Number.MAX_SAFE_INTEGER}` });
    expect(valid.statusCode).toBe(200);
    expect((await app.inject({ url: `/visits/rows?after=${Number.MAX_SAFE_INTEGER}` })).statusCode).toBe(200);
  });
});
