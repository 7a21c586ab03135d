import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './kit/errors';

/** A NUL byte (raw or percent-encoded) or another control character has no place in a file URL. */
const FORBIDDEN_IN_URL = /%00|[\u0000-\u001f\u007f]/i;

/** Inline `<script>` elements that run: no `src`, and no data type such as `application/json`. */
const INLINE_SCRIPT = /<script((?:\s[^>]*)?)>([\s\S]*?)<\/script>/gi;
const RUNNABLE_TYPE = /^\s*$|^(module|(text|application)\/(java|ecma)script)$/i;

/**
 * The Content-Security-Policy of a page of the site: scripts only from this origin plus the
 * page's own inline scripts by hash; inline styles (slides, KaTeX) and images, media and
 * frames from anywhere (raw HTML in decks) stay allowed; no plugins; only this site may frame it.
 */
export function pageCsp(html: string): string {
  const hashes: string[] = [];
  for (const [, attributes = '', body = ''] of html.matchAll(INLINE_SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (!RUNNABLE_TYPE.test(type)) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body).digest('base64')}'`);
  }
  return [
    "default-src 'self'",
    ['script-src', "'self'", ...new Set(hashes)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    'img-src * data: blob:',
    'media-src * data: blob:',
    'frame-src *',
    'connect-src *',
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** Ids of the decks the built site has: its `slides/<id>/index.html`. */
export function builtDecks(root: string): string[] {
  const slides = join(root, 'slides');
  if (!existsSync(slides)) return [];
  return readdirSync(slides, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(slides, entry.name, 'index.html')))
    .map((entry) => entry.name);
}

/** Whether `path` below `root`, with every symlink resolved, is still inside `root`. */
function staysInside(root: string, path: string): boolean {
  try {
    const real = realpathSync(join(root, path));
    return real === root || real.startsWith(root + sep);
  } catch {
    // Missing: @fastify/static answers 404.
    return true;
  }
}

/**
 * Serves the built site (`vite build` output) with directory indexes, so `/slides/<id>/` works.
 * Requests never leave `root`: `..` in any encoding is refused by @fastify/static, a symlink
 * that points outside is a 404, dotfiles are not served, and a NUL in the URL is a 400 before
 * any file system call. Every HTML page gets its Content-Security-Policy (see pageCsp).
 */
export async function sitePlugin(app: FastifyInstance, opts: { root: string }): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    if (FORBIDDEN_IN_URL.test(request.url)) {
      return reply
        .code(400)
        .send(new HttpError(400, 'Die Adresse darf kein NUL- oder Steuerzeichen enthalten.').reply());
    }
  });
  const root = existsSync(opts.root) ? realpathSync(opts.root) : opts.root;
  const assets = join(opts.root, 'assets') + sep;
  const policies = new Map<string, { mtimeMs: number; csp: string }>();
  const policyOf = (path: string): string => {
    const { mtimeMs } = statSync(path);
    let cached = policies.get(path);
    if (cached?.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, csp: pageCsp(readFileSync(path, 'utf8')) };
      policies.set(path, cached);
    }
    return cached.csp;
  };
  await app.register(fastifyStatic, {
    root: opts.root,
    index: 'index.html',
    redirect: true,
    wildcard: true,
    dotfiles: 'ignore',
    allowedPath: (path) => staysInside(root, path),
    setHeaders: (res, path) => {
      res.header('x-content-type-options', 'nosniff');
      if (path.endsWith('.html')) res.header('content-security-policy', policyOf(path));
      // Vite puts a content hash into every file name under assets/.
      if (path.startsWith(assets)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
}
