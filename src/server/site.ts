import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Serves the built site (`vite build` output) with directory indexes, so `/slides/<id>/` works. */
export async function sitePlugin(app: FastifyInstance, opts: { root: string }): Promise<void> {
  await app.register(fastifyStatic, {
    root: opts.root,
    index: 'index.html',
    redirect: true,
    wildcard: true,
  });
}
