import { ensureFreshSite } from '../cli/fresh-site';
import { buildApp } from './app';
import { loadConfig, startup } from './config';
import { closeOnSignals } from './shutdown';

const config = await startup(() => loadConfig());

await ensureFreshSite(config.siteDir);

const app = await startup(() => buildApp(config));
closeOnSignals(app);
await app.listen({ port: config.port, host: config.host });
console.log(`Kurs-Website läuft: http://${config.host}:${config.port}/`);
