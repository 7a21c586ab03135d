import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';
import { createServer } from '../../../src/server/http';
import { registerTracking } from '../../../src/server/tracking/service';
import { SqliteVisitStore } from '../../../src/server/tracking/sqlite-store';
import { BROWSER, tempDir, visitRequest } from '../tracking/helpers';

const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** The tracking service as `npm start` builds it, its log captured line by line. */
async function loggedApp(env: Record<string, string>): Promise<{ app: FastifyInstance; log: string[] }> {
  const dir = tempDir();
  const log: string[] = [];
  const config = loadConfig({
    DATA_DIR: dir.path,
    DATABASE_URL: '',
    ADMIN_TOKEN: 'admin-secret',
    LOG_LEVEL: 'info',
    ...env,
  });
  const app = await createServer(config, {
    title: 't',
    description: 'd',
    logStream: { write: (line) => log.push(line) },
  });
  const store = new SqliteVisitStore(`${dir.path}/visits.sqlite`);
  await registerTracking(app, config, store);
  cleanups.push(async () => {
    await app.close();
    dir.remove();
  });
  return { app, log };
}

const CLIENT = '203.0.113.9';

async function traffic(app: FastifyInstance) {
  const visit = await app.inject({ ...visitRequest({ path: '/' }), remoteAddress: CLIENT });
  await app.inject({ url: '/slides/kapitel-2/?follow&token=presenter-secret#p3', remoteAddress: CLIENT });
  await app.inject({ url: '/api/visits?token=presenter-secret&limit=x', remoteAddress: CLIENT });
  await app.inject({
    method: 'DELETE',
    url: '/api/visits',
    headers: { authorization: 'Bearer admin-secret', 'user-agent': BROWSER },
    remoteAddress: CLIENT,
  });
  return visit.json().ip as string;
}

describe('the log', () => {
  it('keeps client addresses masked, as the store does, and never shows a token', async () => {
    const { app, log } = await loggedApp({});
    expect(await traffic(app)).toBe('203.0.113.0/24');
    const text = log.join('');
    expect(log.length).toBeGreaterThan(4);
    expect(text).toContain('"remoteAddress":"203.0.113.0/24"');
    expect(text).not.toContain(CLIENT);
    expect(text).not.toContain('presenter-secret');
    expect(text).not.toContain('admin-secret');
    expect(text).toContain('token=[verborgen]');
  });

  it('logs what the store keeps with TRACKING_IP=hashed, and the full address only with TRACKING_IP=full', async () => {
    const hashed = await loggedApp({ TRACKING_IP: 'hashed' });
    const stored = await traffic(hashed.app);
    expect(stored).toMatch(/^hash:/);
    expect(hashed.log.join('')).toContain(`"remoteAddress":"${stored}"`);
    expect(hashed.log.join('')).not.toContain(CLIENT);

    const full = await loggedApp({ TRACKING_IP: 'full' });
    await traffic(full.app);
    expect(full.log.join('')).toContain(`"remoteAddress":"${CLIENT}"`);
    expect(full.log.join('')).not.toContain('presenter-secret');
  });

  it('a forwarded client (TRUST_PROXY) is masked too', async () => {
    const { app, log } = await loggedApp({ TRUST_PROXY: 'true' });
    await app.inject({ ...visitRequest({ path: '/' }, { 'x-forwarded-for': '198.51.100.77' }) });
    expect(log.join('')).toContain('198.51.100.0/24');
    expect(log.join('')).not.toContain('198.51.100.77');
  });
});
