import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { PollBanks } from './banks';
import type { PollRoom } from './live';
import { openPollStore } from './open-store';
import { pollsPlugin } from './plugin';
import type { PollStore } from './store';

/**
 * Mounts the polls on `app` with the store the configuration asks for (or the one given) and
 * closes the store when the app closes, after the last request was answered.
 */
export async function registerPolls(
  app: FastifyInstance,
  config: Config,
  context: { banks: PollBanks; room: PollRoom; store?: PollStore },
): Promise<PollStore> {
  const store = context.store ?? (await openPollStore(config));
  app.addHook('onClose', () => store.close());
  await app.register(pollsPlugin, {
    store,
    banks: context.banks,
    room: context.room,
    presenterToken: config.presenterToken,
    votesPerIp: config.pollVotesPerIp,
    streams: { perClient: config.streamsPerClient },
  });
  return store;
}
