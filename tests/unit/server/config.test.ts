import { describe, expect, it } from 'vitest';
import { loadConfig, loadServiceConfig } from '../../../src/server/config';

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.trackingIp).toBe('masked');
    expect(config.trustProxy).toBe(false);
    expect(config.corsOrigins).toEqual([]);
    expect(config.databaseUrl).toBeUndefined();
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      TRACKING_IP: 'hashed',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      DATABASE_URL: 'postgres://x',
    });
    expect(config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      trackingIp: 'hashed',
      trustProxy: true,
      corsOrigins: ['https://a.example', 'https://b.example'],
      databaseUrl: 'postgres://x',
    });
  });

  it('rejects a bad port or IP mode with a clear message', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ TRACKING_IP: 'plain' })).toThrow(/TRACKING_IP/);
  });

  it('lets a service started alone accept the course site on its default address', () => {
    expect(loadServiceConfig(8081, {}).corsOrigins).toEqual(['http://127.0.0.1:8080', 'http://localhost:8080']);
    expect(loadServiceConfig(8081, {}).port).toBe(8081);
    expect(loadServiceConfig(8082, { CORS_ORIGINS: 'https://vorlesung.example' }).corsOrigins).toEqual([
      'https://vorlesung.example',
    ]);
  });
});
