/**
 * `npm run cluster`: CLUSTER_SIZE (default 3) instances of the course site behind the system's
 * nginx on PORT (default 8080), sharing Redis, with two task workers. `HOST=0.0.0.0 npm run
 * cluster` serves a hall.
 */
import { resolve } from 'node:path';
import { loadConfig, startup } from '../server/config';
import { ensureFreshSite } from './fresh-site';
import { startCluster } from './cluster-launch';

const config = await startup(() => loadConfig());
const size = Number(process.env.CLUSTER_SIZE || 3);
if (!Number.isInteger(size) || size < 1 || size > 16) {
  console.error(`CLUSTER_SIZE muss eine ganze Zahl von 1 bis 16 sein, nicht "${process.env.CLUSTER_SIZE}"`);
  process.exit(1);
}
// Built once here, not by each instance at the same time.
await ensureFreshSite(config.siteDir);

let cluster;
try {
  cluster = await startCluster({
    size,
    port: config.port,
    host: config.host,
    env: { SITE_DIR: resolve(config.siteDir) },
  });
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const running = cluster;

console.log(
  `\nCluster mit ${size} Instanzen läuft (${config.databaseUrl ? 'PostgreSQL' : 'SQLite'}, Redis ${running.redisUrl}):`,
);
if (running.url) console.log(`  Load-Balancer (nginx): ${running.url}/`);
for (const instance of running.instances) console.log(`  ${instance.name}: ${instance.url}/`);
console.log(`  Task-Worker: ${running.workers.length}`);
console.log(
  `  Präsentationsansicht: ${running.url ?? running.instances[0]!.url}/slides/kapitel-2/#p1&token=${running.presenterToken}`,
);
console.log(`  Protokolle: ${running.dir}`);
for (const note of running.notes) console.log(`Hinweis: ${note}`);
console.log('Beenden mit Strg+C.');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log('Beende den Cluster …');
    void running.stop().then(() => process.exit(0));
  });
}
