import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { closeOnSignals } from './shutdown';

const config = loadConfig();

if (!existsSync(join(config.siteDir, 'index.html'))) {
  console.log('Die Website ist noch nicht gebaut – baue sie jetzt (vite build) …');
  const { build } = await import('vite');
  await build({ logLevel: 'warn', configLoader: 'runner' });
}

const app = await buildApp(config);
closeOnSignals(app);
await app.listen({ port: config.port, host: config.host });
console.log(`Kurs-Website läuft: http://${config.host}:${config.port}/`);
