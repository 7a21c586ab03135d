import { ensureFreshSite } from '../cli/fresh-site';
import { buildApp } from './app';
import { loadConfig, startup } from './config';
import { listen } from './http';
import { sharedModeText } from './kit/fanout';
import { closeOnSignals } from './shutdown';

const config = await startup(() => loadConfig());

await ensureFreshSite(config.siteDir);

const app = await startup(() => buildApp(config));
closeOnSignals(app);
await startup(() => listen(app, config));
console.log(
  `Kurs-Website läuft: http://${config.host}:${config.port}/ (${config.instance}; ${sharedModeText(config)})`,
);
