/** `npm run start:tracking`: the tracking service on its own port (default 8081). */
import { loadServiceConfig, startup } from '../config';
import { closeOnSignals } from '../shutdown';
import { buildTrackingApp } from './service';

const config = await startup(() => loadServiceConfig(8081));

const app = await startup(() => buildTrackingApp(config));
closeOnSignals(app);
const address = await app.listen({ port: config.port, host: config.host });
console.log(`Tracking-Server läuft: ${address}/visits`);
