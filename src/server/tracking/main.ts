/** `npm run start:tracking`: the tracking service on its own port (default 8081). */
import { loadConfig } from '../config';
import { buildTrackingApp } from './service';

/** Without CORS_ORIGINS, pages of the course site on its default address may call the service. */
const SITE_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];
/** A drain that takes longer than this is cut short rather than hanging a deployment. */
const CLOSE_TIMEOUT_MS = 10_000;

const config = loadConfig(process.env, 8081);
if (config.corsOrigins.length === 0) config.corsOrigins = SITE_ORIGINS;

const app = await buildTrackingApp(config);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: beantworte laufende Anfragen und beende den Tracking-Server`);
    setTimeout(() => process.exit(1), CLOSE_TIMEOUT_MS).unref();
    void app.close().then(() => process.exit(0));
  });
}
const address = await app.listen({ port: config.port, host: config.host });
console.log(`Tracking-Server läuft: ${address}/visits`);
