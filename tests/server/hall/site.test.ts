import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sitePlugin } from '../../../src/server/site';
import { tempDir } from '../tracking/helpers';

const SECRET = 'geheim-0815';
const INLINE = "document.title = 'x';";
let dir: ReturnType<typeof tempDir>;
let app: FastifyInstance;

beforeAll(async () => {
  dir = tempDir('vs-site-hall-');
  const site = join(dir.path, 'site');
  mkdirSync(join(site, 'slides', 'kapitel-2'), { recursive: true });
  mkdirSync(join(dir.path, 'outside'));
  writeFileSync(join(dir.path, 'outside', 'secret.txt'), SECRET);
  writeFileSync(join(site, 'inside.txt'), 'innen');
  writeFileSync(
    join(site, 'slides', 'kapitel-2', 'index.html'),
    `<!doctype html><script type="module" src="/assets/a.js"></script><main></main><script>${INLINE}</script>` +
      '<script type="application/json" id="deck-data">{"a":1}</script>',
  );
  symlinkSync(join(dir.path, 'outside', 'secret.txt'), join(site, 'link.txt'));
  symlinkSync(join(dir.path, 'outside'), join(site, 'linked-dir'));
  symlinkSync(join(site, 'inside.txt'), join(site, 'alias.txt'));
  app = Fastify({ logger: false });
  await app.register(sitePlugin, { root: site });
});

afterAll(async () => {
  await app.close();
  dir.remove();
});

describe('the site in a hall', () => {
  it.each(['/link.txt', '/linked-dir/secret.txt'])(
    'does not follow a symlink out of SITE_DIR: %s is a 404',
    async (url) => {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain(SECRET);
    },
  );

  it('still serves a symlink that stays inside', async () => {
    expect((await app.inject({ url: '/alias.txt' })).body).toBe('innen');
  });

  it('sends a CSP with every page: own scripts, the inline script by its hash, framing only by the site', async () => {
    const response = await app.inject({ url: '/slides/kapitel-2/' });
    const csp = String(response.headers['content-security-policy']);
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp.match(/'sha256-/g)).toHaveLength(1);
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect((await app.inject({ url: '/inside.txt' })).headers['content-security-policy']).toBeUndefined();
  });
});
