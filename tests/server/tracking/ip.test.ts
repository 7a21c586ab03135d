import { describe, expect, it } from 'vitest';
import { ipPrivacy, maskIp } from '../../../src/server/tracking/ip';

const DAY = 86_400_000;
const noon = Date.UTC(2025, 3, 1, 12);

describe('maskIp', () => {
  it.each([
    ['203.0.113.57', '203.0.113.0/24'],
    ['::ffff:203.0.113.57', '203.0.113.0/24'],
    ['127.0.0.1', '127.0.0.0/24'],
    ['2001:db8:abcd:12:1:2:3:4', '2001:db8:abcd::/48'],
    ['2001:0db8:0000:0012::1', '2001:db8::/48'],
    ['2001:0:12::1', '2001:0:12::/48'],
    ['2001:db8::1', '2001:db8::/48'],
    ['::1', '::/48'],
    ['fe80::1%eth0', 'fe80::/48'],
    ['::ffff:0:1', '::/48'],
    ['64:ff9b::192.0.2.1', '64:ff9b::/48'],
    ['not an address', 'unbekannt'],
  ])('%s → %s', (ip, masked) => {
    expect(maskIp(ip)).toBe(masked);
  });
});

describe('ipPrivacy', () => {
  it('full keeps the address, without the IPv4-in-IPv6 wrapper', () => {
    expect(ipPrivacy('full')('::ffff:198.51.100.4', noon)).toBe('198.51.100.4');
  });

  it('hashed groups one client within a day and cannot be linked across days', () => {
    const hash = ipPrivacy('hashed');
    const morning = hash('198.51.100.4', noon - 3_600_000);
    expect(morning).toMatch(/^hash:[0-9a-f]{16}$/);
    expect(hash('198.51.100.4', noon)).toBe(morning);
    expect(hash('198.51.100.5', noon)).not.toBe(morning);
    expect(hash('198.51.100.4', noon + DAY)).not.toBe(morning);
    expect(ipPrivacy('hashed')('198.51.100.4', noon)).not.toBe(morning);
  });

  it('hashed with IP_SALT_SECRET derives the salt from secret and date: every instance agrees, days stay apart', () => {
    const hash = ipPrivacy('hashed', 'geheim-1');
    const today = hash('198.51.100.4', noon);
    const tomorrow = hash('198.51.100.4', noon + DAY);
    expect(tomorrow).not.toBe(today);
    // Back on the first day: no state of this process decides the salt, so another instance computes the same.
    expect(hash('198.51.100.4', noon + 1000)).toBe(today);
    expect(ipPrivacy('hashed', 'geheim-2')('198.51.100.4', noon)).not.toBe(today);
  });
});
