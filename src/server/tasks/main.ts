/** `npm run start:tasks`: the task service on its own port (default 8082). */
import { loadConfig } from '../config';
import { buildTasksApp } from './service';

/** Without CORS_ORIGINS, pages of the course site on its default address may call the service. */
const SITE_ORIGINS = ['http://127.0.0.1:8080', 'http://localhost:8080'];
/** Running jobs get this long to finish on shutdown. */
const CLOSE_TIMEOUT_MS = 30_000;

const config = loadConfig(process.env, 8082);
if (config.corsOrigins.length === 0) config.corsOrigins = SITE_ORIGINS;

const app = await buildTasksApp(config);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: beantworte laufende Anfragen und beende den Task-Server`);
    setTimeout(() => process.exit(1), CLOSE_TIMEOUT_MS).unref();
    void app.close().then(() => process.exit(0));
  });
}
const address = await app.listen({ port: config.port, host: config.host });
console.log(`Task-Server läuft: ${address}/api/status (${config.redisUrl ? 'Redis + BullMQ' : 'Worker-Threads'})`);
