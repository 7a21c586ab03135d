/** `npm run start:tracking`: the tracking service on its own port (default 8081). */
import { loadServiceConfig, startup } from '../config';
import { listen } from '../http';
import { closeOnSignals } from '../shutdown';
import { buildTrackingApp } from './service';

const config = await startup(() => loadServiceConfig(8081));

const app = await startup(() => buildTrackingApp(config));
closeOnSignals(app);
const address = await startup(() => listen(app, config));
console.log(`Tracking-Server läuft: ${address}/visits`);
