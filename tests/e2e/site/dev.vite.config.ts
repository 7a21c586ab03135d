import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from 'vite';
import sitePages from '../../../src/site/vite-plugin';

/** `vite dev` with only the course pages' plugin, listing the decks of VS_SITE_SLIDES. */
export default defineConfig({
  root: resolve(import.meta.dirname, '../../..'),
  cacheDir: join(tmpdir(), 'vs-site-e2e-vite'),
  plugins: [sitePages({ dir: process.env.VS_SITE_SLIDES })],
});
