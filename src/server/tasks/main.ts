/** `npm run start:tasks`: the task service on its own port (default 8082). */
import { loadServiceConfig, startup } from '../config';
import { listen } from '../http';
import { closeOnSignals } from '../shutdown';
import { buildTasksApp } from './service';

/** Running jobs get this long to finish on shutdown. */
const CLOSE_TIMEOUT_MS = 30_000;

const config = await startup(() => loadServiceConfig(8082));
const app = await startup(() => buildTasksApp(config));
closeOnSignals(app, CLOSE_TIMEOUT_MS);
const address = await startup(() => listen(app, config));
console.log(`Task-Server läuft: ${address}/api/status (${config.redisUrl ? 'Redis + BullMQ' : 'Worker-Threads'})`);
