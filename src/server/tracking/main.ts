/** `npm run start:tracking`: the tracking service on its own port (default 8081). */
import { loadConfig } from '../config';
import { closeOnSignals } from '../shutdown';
import { buildTrackingApp } from './service';

/** Without CORS_ORIGINS, pages of the course site on its default address may call the service. */
const SITE_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];

const config = loadConfig(process.env, 8081);
if (config.corsOrigins.length === 0) config.corsOrigins = SITE_ORIGINS;

const app = await buildTrackingApp(config);
closeOnSignals(app);
const address = await app.listen({ port: config.port, host: config.host });
console.log(`Tracking-Server läuft: ${address}/visits`);
