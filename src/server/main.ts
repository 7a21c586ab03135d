import { ensureFreshSite } from '../cli/fresh-site';
import { buildApp } from './app';
import { loadConfig } from './config';
import { closeOnSignals } from './shutdown';

const config = loadConfig();

await ensureFreshSite(config.siteDir);

const app = await buildApp(config);
closeOnSignals(app);
await app.listen({ port: config.port, host: config.host });
console.log(`Kurs-Website läuft: http://${config.host}:${config.port}/`);
