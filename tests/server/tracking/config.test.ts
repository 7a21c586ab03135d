import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/server/config';

describe('TRACKING_RATE_LIMIT', () => {
  it('defaults to 50 visits per second and IP', () => {
    expect(loadConfig({}).trackingRateLimit).toBe(50);
    expect(loadConfig({ TRACKING_RATE_LIMIT: '200' }).trackingRateLimit).toBe(200);
  });

  it.each(['0', '-5', '1.5', 'viele'])('rejects %s with a clear message', (value) => {
    expect(() => loadConfig({ TRACKING_RATE_LIMIT: value })).toThrow(/TRACKING_RATE_LIMIT/);
  });
});
