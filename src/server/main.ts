import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfig, startup } from './config';
import { closeOnSignals } from './shutdown';

const config = await startup(() => loadConfig());

if (!existsSync(join(config.siteDir, 'index.html'))) {
  console.log('Die Website ist noch nicht gebaut – baue sie jetzt (vite build) …');
  const { build } = await import('vite');
  await build({ logLevel: 'warn' });
}

const app = await startup(() => buildApp(config));
closeOnSignals(app);
await app.listen({ port: config.port, host: config.host });
console.log(`Kurs-Website läuft: http://${config.host}:${config.port}/`);
