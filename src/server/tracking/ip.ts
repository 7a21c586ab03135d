import { createHmac, randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { IpMode } from '../config';

/** Turns the client address of a visit at time `at` (ms) into what is stored. */
export type IpPrivacy = (ip: string, at: number) => string;

const DAY_MS = 86_400_000;

/** `::ffff:192.0.2.7` is an IPv4 client on a dual-stack socket; zone ids are local detail. */
function normalize(ip: string): string {
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
}

/** The /48 network of an IPv6 address, written short (`2001:db8::`). */
function ipv6Prefix48(ip: string): string {
  const [head = '', tail] = ip.split('::');
  const groups = (part: string | undefined): string[] => {
    if (!part) return [];
    return part.split(':').flatMap((group) => {
      if (!group.includes('.')) return [group];
      const [a = 0, b = 0, c = 0, d = 0] = group.split('.').map(Number);
      return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
    });
  };
  const front = groups(head);
  const back = groups(tail);
  const all = [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  const network = all
    .slice(0, 3)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':');
  return `${network.replace(/(^|:)0(:0)*$/, '')}::`;
}

/** IPv4 without its last octet (/24), IPv6 reduced to its /48 network. */
export function maskIp(ip: string): string {
  const address = normalize(ip);
  if (isIPv4(address)) return `${address.split('.').slice(0, 3).join('.')}.0/24`;
  if (isIPv6(address)) return `${ipv6Prefix48(address)}/48`;
  return 'unbekannt';
}

/**
 * Keyed hash with a salt per UTC day: visits of one day can be grouped by client, but nobody
 * can link days or recover the address. With a secret the salt is HMAC(secret, date), the
 * same on every instance without talking to the others; without one it is random and exists
 * only in this process.
 */
function dailyHash(secret: string | undefined): IpPrivacy {
  let day = -1;
  let salt = Buffer.alloc(0);
  return (ip, at) => {
    const today = Math.floor(at / DAY_MS);
    if (today !== day) {
      day = today;
      const date = new Date(today * DAY_MS).toISOString().slice(0, 10);
      salt = secret === undefined ? randomBytes(32) : createHmac('sha256', secret).update(date).digest();
    }
    return `hash:${createHmac('sha256', salt).update(normalize(ip)).digest('hex').slice(0, 16)}`;
  };
}

/** One salt per process and secret, so the log and the store show the same hash for a client. */
const hashes = new Map<string | undefined, IpPrivacy>();

export function ipPrivacy(mode: IpMode, secret?: string): IpPrivacy {
  switch (mode) {
    case 'full':
      return (ip) => normalize(ip);
    case 'masked':
      return (ip) => maskIp(ip);
    case 'hashed': {
      let hashed = hashes.get(secret);
      if (!hashed) hashes.set(secret, (hashed = dailyHash(secret)));
      return hashed;
    }
  }
}
