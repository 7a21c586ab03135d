import { existsSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** A NUL byte (raw or percent-encoded) or another control character has no place in a file URL. */
const FORBIDDEN_IN_URL = /%00|[\u0000-\u001f\u007f]/i;

/** Ids of the decks the built site has: its `slides/<id>/index.html`. */
export function builtDecks(root: string): string[] {
  const slides = join(root, 'slides');
  if (!existsSync(slides)) return [];
  return readdirSync(slides, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(slides, entry.name, 'index.html')))
    .map((entry) => entry.name);
}

/**
 * Serves the built site (`vite build` output) with directory indexes, so `/slides/<id>/` works.
 * Requests never leave `root`: `..` in any encoding is refused by @fastify/static, dotfiles
 * are not served, and a NUL in the URL is a 400 before any file system call.
 */
export async function sitePlugin(app: FastifyInstance, opts: { root: string }): Promise<void> {
  app.addHook('onRequest', async (request, reply) => {
    if (FORBIDDEN_IN_URL.test(request.url)) {
      return reply.code(400).send({
        statusCode: 400,
        error: 'Bad Request',
        message: 'URL must not contain NUL or control characters',
      });
    }
  });
  const assets = join(opts.root, 'assets') + sep;
  await app.register(fastifyStatic, {
    root: opts.root,
    index: 'index.html',
    redirect: true,
    wildcard: true,
    dotfiles: 'ignore',
    setHeaders: (res, path) => {
      res.header('x-content-type-options', 'nosniff');
      // Vite puts a content hash into every file name under assets/.
      if (path.startsWith(assets)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
}
