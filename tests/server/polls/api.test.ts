import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FollowChannels } from '../../../src/server/follow/channels';
import { followPlugin } from '../../../src/server/follow/plugin';
import { pollsPlugin, type PollOptions } from '../../../src/server/polls/plugin';
import type { PollView } from '../../../src/shared/polls';
import { openEventStream } from '../event-stream';
import { banks, STORE_KINDS, type TestStore } from './helpers';

const TOKEN = 'lecturer-secret';
const auth = { authorization: `Bearer ${TOKEN}` };
const PHONE = 'phone-0123456789abcdef';
const LAPTOP = 'laptop-0123456789abcdef';

for (const kind of STORE_KINDS) {
  describe.skipIf(kind.skip)(`polls API on ${kind.name}`, () => {
    let test: TestStore;
    let app: FastifyInstance;

    async function pollApp(options: Partial<PollOptions> = {}): Promise<FastifyInstance> {
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

    async function open(question: string): Promise<PollView> {
      const response = await app.inject({
        method: 'POST',
        url: '/api/polls/kapitel-2',
        headers: auth,
        payload: { question },
      });
      expect(response.statusCode).toBe(201);
      return response.json<PollView>();
    }

    const vote = (poll: string, device: string, answer: unknown) =>
      app.inject({ method: 'PUT', url: `/api/polls/kapitel-2/${poll}/votes/${device}`, payload: { answer } });
    const act = (poll: string, action: string) =>
      app.inject({ method: 'POST', url: `/api/polls/kapitel-2/${poll}/${action}`, headers: auth });
    const current = async () =>
      (await app.inject({ url: '/api/polls/kapitel-2' })).json<{ poll: PollView | null }>().poll;

    beforeEach(async () => {
      test = await kind.open();
    });
    afterEach(async () => {
      await app?.close();
      await test.dispose();
    });

    it('opens, shows, reveals and closes only with the presenter token', async () => {
      await pollApp();
      const missing = await app.inject({ method: 'POST', url: '/api/polls/kapitel-2', payload: { question: 'eins' } });
      expect(missing.statusCode).toBe(401);
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/polls/kapitel-2',
        headers: { authorization: 'Bearer guess' },
        payload: { question: 'eins' },
      });
      expect(wrong.statusCode).toBe(403);
      expect(await current()).toBeNull();
      const poll = await open('eins');
      expect((await app.inject({ method: 'POST', url: `/api/polls/kapitel-2/${poll.id}/close` })).statusCode).toBe(401);
      expect((await current())?.status).toBe('open');
    });

    it('answers 503 without PRESENTER_TOKEN and 404 for unknown decks and questions, in German', async () => {
      await pollApp({ presenterToken: undefined });
      const off = await app.inject({
        method: 'POST',
        url: '/api/polls/kapitel-2',
        headers: auth,
        payload: { question: 'eins' },
      });
      expect(off.statusCode).toBe(503);
      expect(off.json().message).toMatch(/PRESENTER_TOKEN ist nicht gesetzt/);
      await app.close();
      await pollApp();
      const deck = await app.inject({ url: '/api/polls/kapitel-9' });
      expect(deck.statusCode).toBe(404);
      expect(deck.json().message).toMatch(/keinen Fragenkatalog/);
      const question = await app.inject({
        method: 'POST',
        url: '/api/polls/kapitel-2',
        headers: auth,
        payload: { question: 'gibt-es-nicht' },
      });
      expect(question.statusCode).toBe(404);
      expect(question.json()).toMatchObject({ field: 'question' });
    });

    it('lists the bank’s questions for the picker, free text as a word poll', async () => {
      await pollApp();
      const { questions } = (await app.inject({ url: '/api/polls/kapitel-2/questions' })).json();
      expect(questions).toEqual([
        { id: 'eins', kind: 'single', topic: 'Grundlagen', prompt: 'Frage eins?' },
        { id: 'mehrere', kind: 'multiple', topic: 'Grundlagen', prompt: 'Frage mehrere?' },
        { id: 'reihe', kind: 'ordering', topic: 'Grundlagen', prompt: 'Frage reihe?' },
        { id: 'wort', kind: 'word', topic: 'Grundlagen', prompt: 'Frage wort?' },
        { id: 'zahl', kind: 'number', topic: 'Grundlagen', prompt: 'Frage zahl?' },
      ]);
    });

    it('acknowledges a vote once stored, lets the device change it, and refuses it after close', async () => {
      await pollApp();
      const poll = await open('eins');
      const first = await vote(poll.id, PHONE, 'a');
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ poll: poll.id, answer: 'a' });
      expect((await vote(poll.id, PHONE, 'b')).statusCode).toBe(200);
      expect((await vote(poll.id, LAPTOP, 'b')).statusCode).toBe(200);
      const mine = await app.inject({ url: `/api/polls/kapitel-2/${poll.id}/votes/${PHONE}` });
      expect(mine.json()).toMatchObject({ answer: 'b' });
      const closed = (await act(poll.id, 'close')).json<PollView>();
      expect(closed.status).toBe('closed');
      expect(closed.results).toEqual({
        voters: 2,
        bars: [
          { key: 'a', count: 0 },
          { key: 'b', count: 2 },
          { key: 'c', count: 0 },
        ],
        other: 0,
      });
      const late = await vote(poll.id, PHONE, 'c');
      expect(late.statusCode).toBe(409);
      expect(late.json().message).toBe('Die Abstimmung ist geschlossen: Es zählen keine Stimmen mehr.');
      expect((await app.inject({ url: `/api/polls/kapitel-2/${poll.id}/votes/${PHONE}` })).json().answer).toBe('b');
    });

    it('checks every answer against its question', async () => {
      await pollApp();
      const single = await open('eins');
      for (const answer of ['z', ['a'], '', 7, null]) {
        const response = await vote(single.id, PHONE, answer);
        expect(response.statusCode, JSON.stringify(answer)).toBe(400);
        expect(response.json().message).toMatch(/^Ungültige Eingabe: „body\.answer“/);
      }
      const multiple = await open('mehrere');
      expect((await vote(multiple.id, PHONE, ['a', 'a'])).json().message).toMatch(/doppelt/);
      expect((await vote(multiple.id, PHONE, ['a', 'x'])).json().message).toMatch(/unbekannte Option „x“/);
      expect((await vote(multiple.id, PHONE, 'a')).statusCode).toBe(400);
      expect((await vote(multiple.id, PHONE, ['c', 'a'])).json().answer).toEqual(['a', 'c']);
      expect((await vote(multiple.id, LAPTOP, [])).json().answer).toEqual([]);
      const ordering = await open('reihe');
      expect(ordering.choices.map((choice) => choice.id)).not.toEqual(['a', 'b', 'c', 'd']);
      expect(ordering.choices.map((choice) => choice.id).sort()).toEqual(['a', 'b', 'c', 'd']);
      for (const answer of [['a', 'b', 'c'], ['a', 'b', 'c', 'c'], ['a', 'b', 'c', 'e'], 'abcd']) {
        expect((await vote(ordering.id, PHONE, answer)).statusCode, JSON.stringify(answer)).toBe(400);
      }
      expect((await vote(ordering.id, PHONE, ['d', 'c', 'b', 'a'])).statusCode).toBe(200);
      const word = await open('wort');
      expect(word.choices).toEqual([]);
      for (const answer of ['<script>', 'a'.repeat(41), '   ', ['wort'], 'a;b', '\u0000x']) {
        expect((await vote(word.id, PHONE, answer)).statusCode, JSON.stringify(answer)).toBe(400);
      }
      expect((await vote(word.id, PHONE, '  Nachrichten ')).json().answer).toBe('nachrichten');
      expect((await vote(word.id, LAPTOP, 'NACHRICHTEN')).statusCode).toBe(200);
      const view = (await act(word.id, 'show')).json<PollView>();
      expect(view.results).toEqual({ voters: 2, bars: [{ key: 'nachrichten', count: 2 }], other: 0 });
    });

    it('takes a number with a decimal comma, counts it, marks the right value, and writes it to the CSV', async () => {
      await pollApp();
      const poll = await open('zahl');
      expect(poll).toMatchObject({ kind: 'number', unit: 's', choices: [] });
      for (const answer of ['fünf', '1e3', ['0,5'], '0,5 s']) {
        const response = await vote(poll.id, PHONE, answer);
        expect(response.statusCode, JSON.stringify(answer)).toBe(400);
        expect(response.json().message).toMatch(/muss eine Zahl sein/);
      }
      expect((await vote(poll.id, PHONE, '0,55')).json().answer).toBe('0.55');
      expect((await vote(poll.id, LAPTOP, '2')).statusCode).toBe(200);
      expect((await app.inject({ url: `/api/polls/kapitel-2/${poll.id}/votes/${PHONE}` })).json().answer).toBe('0.55');
      const revealed = (await act(poll.id, 'reveal')).json<PollView>();
      expect(revealed.results).toEqual({
        voters: 2,
        bars: [
          { key: '0.55', count: 1 },
          { key: '2', count: 1 },
        ],
        other: 0,
      });
      expect(revealed.solution).toMatchObject({ correct: ['0.5'], tolerance: 0.1 });
      const { polls } = (await app.inject({ url: '/api/polls/kapitel-2/results', headers: auth })).json();
      expect(polls[0]).toMatchObject({ kind: 'number', correct: ['0.5'], tolerance: 0.1, unit: 's' });
      const csv = (await app.inject({ url: '/api/polls/kapitel-2/results.csv', headers: auth })).body;
      expect(csv).toMatch(/,zahl,number,0\.55,"0,55 s",1,ja\r\n/);
      expect(csv).toMatch(/,zahl,number,2,2 s,1,nein\r\n/);
    });

    it('refuses malformed ids and bodies with the kit’s error shape', async () => {
      await pollApp();
      const poll = await open('eins');
      const shortDevice = await vote(poll.id, 'kurz', 'a');
      expect(shortDevice.statusCode).toBe(400);
      expect(shortDevice.json()).toMatchObject({ field: 'device' });
      const extra = await app.inject({
        method: 'PUT',
        url: `/api/polls/kapitel-2/${poll.id}/votes/${PHONE}`,
        payload: { answer: 'a', name: 'Erika' },
      });
      expect(extra.statusCode).toBe(400);
      const text = await app.inject({
        method: 'PUT',
        url: `/api/polls/kapitel-2/${poll.id}/votes/${PHONE}`,
        headers: { 'content-type': 'text/plain' },
        payload: 'a',
      });
      expect(text.statusCode).toBe(415);
      const huge = await app.inject({
        method: 'PUT',
        url: `/api/polls/kapitel-2/${poll.id}/votes/${PHONE}`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ answer: 'x'.repeat(10_000) }),
      });
      expect(huge.statusCode).toBe(413);
      expect((await vote('unbekannt', PHONE, 'a')).statusCode).toBe(404);
      expect((await act(poll.id, 'explode')).statusCode).toBe(400);
    });

    it('limits votes per device and per address', async () => {
      await pollApp({ votesPerDevice: 3, votesPerIp: 5 });
      const poll = await open('eins');
      for (let i = 0; i < 3; i++) expect((await vote(poll.id, PHONE, 'a')).statusCode).toBe(200);
      const device = await vote(poll.id, PHONE, 'b');
      expect(device.statusCode).toBe(429);
      expect(device.json().message).toMatch(/Zu viele Stimmen von diesem Gerät/);
      expect((await vote(poll.id, LAPTOP, 'b')).statusCode).toBe(200);
      const address = await vote(poll.id, 'tablet-0123456789abcdef', 'b');
      expect(address.statusCode).toBe(429);
      expect(address.json().message).toMatch(/Zu viele Anfragen von Ihrer Adresse/);
    });

    it('shows the room results only once shown and the answer only once revealed', async () => {
      await pollApp();
      const poll = await open('mehrere');
      await vote(poll.id, PHONE, ['a', 'c']);
      expect(poll.solution?.correct).toEqual(['a', 'c']);
      let room = await current();
      expect(room?.results).toBeUndefined();
      expect(room?.solution).toBeUndefined();
      await act(poll.id, 'show');
      room = await current();
      expect(room?.results?.voters).toBe(1);
      expect(room?.solution).toBeUndefined();
      await act(poll.id, 'reveal');
      room = await current();
      expect(room?.solution).toEqual({
        correct: ['a', 'c'],
        answerHtml: '<p>Antwort zu mehrere</p>',
        explanationHtml: '<p>Erklärung zu mehrere</p>',
      });
      await act(poll.id, 'dismiss');
      expect(await current()).toBeNull();
    });

    it('streams batched counts to the presenter and the room’s view to followers', async () => {
      await pollApp();
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      const refused = await fetch(`${base}/api/polls/kapitel-2/live`);
      expect(refused.status).toBe(401);
      const presenter = await openEventStream(`${base}/api/polls/kapitel-2/live`, auth);
      const follower = await openEventStream(`${base}/api/follow/kapitel-2/events`);
      const nextPoll = async (stream: typeof presenter, until: (view: PollView | null) => boolean) => {
        for (;;) {
          const event = await stream.next();
          if (event.event !== 'poll') continue;
          const view = JSON.parse(event.data) as PollView | null;
          if (until(view)) return view;
        }
      };
      expect(await nextPoll(presenter, () => true)).toBeNull();
      const poll = await open('eins');
      const devices = Array.from({ length: 30 }, (_, i) => `device-${String(i).padStart(12, '0')}`);
      await Promise.all(devices.map((device, i) => vote(poll.id, device, i < 20 ? 'b' : 'c')));
      const counted = await nextPoll(presenter, (view) => view?.results?.voters === 30);
      expect(counted?.results?.bars).toEqual([
        { key: 'a', count: 0 },
        { key: 'b', count: 20 },
        { key: 'c', count: 10 },
      ]);
      const opened = await nextPoll(follower, (view) => view?.id === poll.id);
      expect(opened?.results).toBeUndefined();
      await act(poll.id, 'show');
      const shown = await nextPoll(follower, (view) => view?.shown === true);
      expect(shown?.results?.voters).toBe(30);
      await act(poll.id, 'close');
      expect((await nextPoll(follower, (view) => view?.status === 'closed'))?.results?.voters).toBe(30);
      await act(poll.id, 'dismiss');
      expect(await nextPoll(follower, (view) => view === null)).toBeNull();
      presenter.close();
      follower.close();
    });

    it('gives the lecturer every poll with its counts, as JSON and as CSV', async () => {
      await pollApp();
      const first = await open('reihe');
      await vote(first.id, PHONE, ['a', 'b', 'c', 'd']);
      await vote(first.id, LAPTOP, ['b', 'a', 'c', 'd']);
      const second = await open('eins');
      await vote(second.id, PHONE, 'b');
      expect((await app.inject({ url: '/api/polls/kapitel-2/results' })).statusCode).toBe(401);
      const { polls } = (await app.inject({ url: '/api/polls/kapitel-2/results', headers: auth })).json();
      expect(polls.map((poll: { questionId: string }) => poll.questionId)).toEqual(['reihe', 'eins']);
      expect(polls[1]).toMatchObject({ correct: ['b'], results: { voters: 1 }, labels: { a: 'Option A' } });
      const csv = await app.inject({ url: '/api/polls/kapitel-2/results.csv', headers: auth });
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = csv.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Vorlesung,Beginn,Frage,Art,Antwort,Text,Stimmen,Richtig');
      expect(lines).toContainEqual(
        expect.stringMatching(/,reihe,ordering,"a,b,c,d",Option A → Option B → Option C → Option D,1,ja$/),
      );
      expect(lines).toContainEqual(expect.stringMatching(/,reihe,ordering,"b,a,c,d",.*,1,nein$/));
      expect(lines).toContainEqual(expect.stringMatching(/,eins,single,b,Option B,1,ja$/));
      expect(lines).toContainEqual(expect.stringMatching(/,eins,single,a,Option A,0,nein$/));
    });
  });
}
