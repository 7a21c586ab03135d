import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import { loadConfig } from '../../../src/server/config';

describe('OpenAPI description of both APIs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'vs-openapi-'));
  let app: FastifyInstance;

  beforeAll(async () => {
    app = await buildApp(loadConfig({ DATA_DIR: dataDir, SITE_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' }));
  });
  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the routes of the tracking and the task server with their schemas', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json() as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>>;
    };
    expect(document.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/visits',
      '/api/visits/stats',
      '/api/execute',
      '/api/jobs',
      '/api/jobs/{id}',
      '/api/status',
      '/api/tasks',
    ]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    expect(document.paths['/api/execute']?.post?.requestBody).toBeDefined();
    expect(Object.keys(document.paths['/api/execute']?.post?.responses ?? {})).toContain('200');
    expect(document.paths).not.toHaveProperty(['/api/openapi.json']);
  });
});
