import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FollowChannels } from '../../../src/server/follow/channels';
import { followPlugin } from '../../../src/server/follow/plugin';
import { pollsPlugin, type PollOptions } from '../../../src/server/polls/plugin';
import type { HallQuestion } from '../../../src/shared/polls';
import { openEventStream } from '../event-stream';
import { banks, STORE_KINDS, type TestStore } from './helpers';

const TOKEN = 'lecturer-secret';
const auth = { authorization: `Bearer ${TOKEN}` };
const devices = ['a', 'b', 'c', 'd'].map((name) => `device-${name.repeat(16)}`) as [string, string, string, string];

for (const kind of STORE_KINDS) {
  describe.skipIf(kind.skip)(`questions from the hall on ${kind.name}`, () => {
    let test: TestStore;
    let app: FastifyInstance;

    async function hallApp(options: Partial<PollOptions> = {}): Promise<FastifyInstance> {
      app = Fastify({ logger: false, forceCloseConnections: true });
      const channels = new FollowChannels({ decks: ['kapitel-2'] });
      await app.register(followPlugin, { presenterToken: TOKEN, decks: ['kapitel-2'], channels });
      await app.register(pollsPlugin, {
        store: test.store,
        banks,
        room: channels,
        presenterToken: TOKEN,
        tickMs: 20,
        ...options,
      });
      return app;
    }

    const ask = (text: unknown, device: string = devices[0]) =>
      app.inject({ method: 'POST', url: '/api/polls/kapitel-2/hall', payload: { text, device } });
    const upvote = (id: string, device: string) =>
      app.inject({ method: 'POST', url: `/api/polls/kapitel-2/hall/${id}/upvote`, payload: { device } });
    const list = async () =>
      (await app.inject({ url: '/api/polls/kapitel-2/hall' })).json<{ questions: HallQuestion[] }>().questions;

    beforeEach(async () => {
      test = await kind.open();
    });
    afterEach(async () => {
      await app?.close();
      await test.dispose();
    });

    it('ranks by upvotes, one per device, the asker’s own included, answered ones last', async () => {
      await hallApp();
      const first = (await ask('Was ist ein Quorum?')).json<HallQuestion>();
      expect(first).toMatchObject({ text: 'Was ist ein Quorum?', votes: 1, answered: false, shown: false });
      expect(first).not.toHaveProperty('device');
      const second = (await ask('  Warum   Jitter beim Backoff? ', devices[1])).json<HallQuestion>();
      expect(second.text).toBe('Warum Jitter beim Backoff?');
      for (const device of devices) expect((await upvote(second.id, device)).statusCode).toBe(200);
      expect((await upvote(second.id, devices[2])).json().votes).toBe(4);
      expect((await list()).map((question) => [question.text, question.votes])).toEqual([
        ['Warum Jitter beim Backoff?', 4],
        ['Was ist ein Quorum?', 1],
      ]);
      const missing = await app.inject({ method: 'POST', url: `/api/polls/kapitel-2/hall/${second.id}/answered` });
      expect(missing.statusCode).toBe(401);
      const answered = await app.inject({
        method: 'POST',
        url: `/api/polls/kapitel-2/hall/${second.id}/answered`,
        headers: auth,
      });
      expect(answered.json()).toMatchObject({ answered: true });
      expect((await list()).map((question) => question.text)).toEqual([
        'Was ist ein Quorum?',
        'Warum Jitter beim Backoff?',
      ]);
    });

    it('shows one question to the room at a time', async () => {
      await hallApp();
      const first = (await ask('Erste Frage?')).json<HallQuestion>();
      const second = (await ask('Zweite Frage?', devices[1])).json<HallQuestion>();
      const show = (id: string) =>
        app.inject({ method: 'POST', url: `/api/polls/kapitel-2/hall/${id}/show`, headers: auth });
      await show(first.id);
      await show(second.id);
      expect((await list()).filter((question) => question.shown).map((question) => question.id)).toEqual([second.id]);
      await app.inject({ method: 'POST', url: `/api/polls/kapitel-2/hall/${second.id}/hide`, headers: auth });
      expect((await list()).some((question) => question.shown)).toBe(false);
      expect((await show('unbekannt')).statusCode).toBe(404);
    });

    it('limits length, device and address, in German', async () => {
      await hallApp({ asksPerDevice: 2, votesPerIp: 7 });
      expect((await ask('x'.repeat(281))).json().message).toMatch(/„body\.text“ ist zu lang \(höchstens 280 Zeichen\)/);
      expect((await ask('  a  ')).json().message).toMatch(/zu kurz/);
      expect((await ask('Frage\u0000mit Null')).statusCode).toBe(400);
      expect((await ask('Frage eins?')).statusCode).toBe(201);
      expect((await ask('Frage zwei?')).statusCode).toBe(201);
      const third = await ask('Frage drei?');
      expect(third.statusCode).toBe(429);
      expect(third.json().message).toMatch(/Zu viele/);
      expect((await ask('Frage vier?', devices[1])).statusCode).toBe(201);
      expect((await ask('Frage fünf?', devices[2])).statusCode).toBe(429);
      // Each route counts on its own: an upvote is still allowed, and this one names no question.
      expect((await upvote('unbekannt', devices[3])).statusCode).toBe(404);
    });

    it('sends the ranked list to followers and presenter once per tick', async () => {
      await hallApp();
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const follower = await openEventStream(`${base}/api/follow/kapitel-2/events`);
      const presenter = await openEventStream(`${base}/api/polls/kapitel-2/live`, auth);
      const hallOf = async (stream: typeof follower, until: (questions: HallQuestion[]) => boolean) => {
        for (;;) {
          const event = await stream.next();
          if (event.event !== 'hall') continue;
          const questions = JSON.parse(event.data) as HallQuestion[];
          if (until(questions)) return questions;
        }
      };
      expect(await hallOf(presenter, () => true)).toEqual([]);
      const asked = (await ask('Wie viele Knoten braucht ein Quorum?')).json<HallQuestion>();
      await Promise.all(devices.slice(1).map((device) => upvote(asked.id, device)));
      const seen = await hallOf(follower, (questions) => questions[0]?.votes === 4);
      expect(seen[0]?.text).toBe('Wie viele Knoten braucht ein Quorum?');
      expect((await hallOf(presenter, (questions) => questions[0]?.votes === 4))[0]?.id).toBe(asked.id);
      follower.close();
      presenter.close();
    });
  });
}
