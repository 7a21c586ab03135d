import type { FastifyInstance } from 'fastify';
import { clusterPlugin } from './cluster/plugin';
import type { Config } from './config';
import { FollowChannels } from './follow/channels';
import { followPlugin } from './follow/plugin';
import { createServer } from './http';
import { openFanOut, openMaps } from './kit/fanout';
import { siteBanks } from './polls/banks';
import { registerPolls } from './polls/service';
import { builtDecks, sitePlugin } from './site';
import { registerTasks } from './tasks/service';
import { registerTracking } from './tracking/service';

/**
 * The one process of `npm start`: the built site and both APIs. `stop` shuts the instance down
 * gracefully when the cluster demo asks (SIGTERM, as the signal handler of `npm start` answers it).
 */
export async function buildApp(
  config: Config,
  stop = () => void process.kill(process.pid, 'SIGTERM'),
): Promise<FastifyInstance> {
  const app = await createServer(config, {
    title: 'Verteilte Systeme – Tracking- und Task-Server',
    description: 'Die APIs der Live-Demos: Besuche erfassen und auflisten, Tasks ausführen und Jobs verfolgen.',
  });
  await registerTracking(app, config);
  await registerTasks(app, config);
  const fanOut = await openFanOut(config, { postgres: false });
  const maps = await openMaps(config);
  app.addHook('onClose', async () => {
    await fanOut.close();
    await maps.close();
  });
  const decks = builtDecks(config.siteDir);
  const channels = new FollowChannels({ fanOut, maps, decks, streams: { perClient: config.streamsPerClient } });
  await app.register(followPlugin, { presenterToken: config.presenterToken, decks, channels });
  await registerPolls(app, config, { banks: siteBanks(config.siteDir, decks), room: channels });
  await app.register(clusterPlugin, {
    instance: config.instance,
    fanOut,
    maps,
    presenterToken: config.presenterToken,
    stop,
  });
  await app.register(sitePlugin, { root: config.siteDir });
  return app;
}
