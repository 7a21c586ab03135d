import type { FastifyReply, FastifyRequest } from 'fastify';
import { HALL_EVENT, POLL_EVENT } from '../../shared/follow';
import { POLL_BATCH_MS, POLL_TICK_MS, rankHall, type PollView } from '../../shared/polls';
import type { Question } from '../../shared/quiz';
import { EventStreams, type EventClient, type StreamLimits } from '../kit/sse';
import type { PollBanks } from './banks';
import { pollView } from './questions';
import type { PollRecord, PollStore } from './store';

/** Where the room's view of a poll goes: the follow channel of the deck. */
export interface PollRoom {
  share(deck: string, event: string, data: unknown): Promise<void>;
}

interface Watch {
  timer: NodeJS.Timeout;
  /** The early tick after a vote, while one is due. */
  batch: NodeJS.Timeout | undefined;
  busy: boolean;
  /** Whether another tick was asked for while one ran. */
  again: boolean;
  sentPresenter: string;
  sentRoom: string;
  /** Questions from the hall changed since the last tick. */
  hallChanged: boolean;
}

/**
 * The live side of the polls: counts are read from the store in one batch per tick (never per
 * vote): every POLL_TICK_MS, and POLL_BATCH_MS after a vote stored here, for all votes in
 * between. A view is sent only when it changed, to the presenter streams of the deck and,
 * in the room's form, to its followers. A deck is watched while a presenter stream is open
 * or its poll is open; the store stays the truth, so another server sees the same.
 */
export class PollLive {
  readonly #streams: EventStreams;
  readonly #presenters = new Map<string, Set<EventClient>>();
  readonly #watched = new Map<string, Watch>();

  constructor(
    private readonly store: PollStore,
    private readonly banks: PollBanks,
    private readonly room: PollRoom,
    streams: Partial<StreamLimits> = {},
    private readonly tickMs = POLL_TICK_MS,
    private readonly batchMs = Math.min(POLL_BATCH_MS, tickMs),
  ) {
    this.#streams = new EventStreams({ total: 200, ...streams });
  }

  question(deck: string, id: string): Question | undefined {
    return this.banks(deck)?.questions.find((question) => question.id === id);
  }

  /** The view of `poll` with its counts as they are stored now. */
  async view(poll: PollRecord, audience: 'presenter' | 'room'): Promise<PollView | null> {
    const question = this.question(poll.deck, poll.questionId);
    if (!question) return null;
    return pollView(poll, question, await this.store.tally(poll.id), audience);
  }

  async current(deck: string, audience: 'presenter' | 'room'): Promise<PollView | null> {
    const poll = await this.store.current(deck);
    return poll ? this.view(poll, audience) : null;
  }

  /** Answers `request` with the presenter's stream of `poll` events (the full view, or null). */
  openPresenter(deck: string, request: FastifyRequest, reply: FastifyReply): void {
    this.#streams.admit(request);
    const presenters = this.#presenters.get(deck) ?? new Set();
    this.#presenters.set(deck, presenters);
    const client = this.#streams.open(request, reply, () => presenters.delete(client));
    presenters.add(client);
    void Promise.all([this.current(deck, 'presenter'), this.store.hall(deck)]).then(
      ([view, hall]) => {
        client.send(POLL_EVENT, view);
        client.send(HALL_EVENT, rankHall(hall));
      },
      () => undefined,
    );
    this.watch(deck);
  }

  /** A question from the hall was asked, upvoted or marked: every screen gets the ranked list with the next tick. */
  hallChanged(deck: string): void {
    this.watch(deck);
    const watch = this.#watched.get(deck);
    if (watch) watch.hallChanged = true;
  }

  /** A vote was stored: its count goes out with the next batch, at most `batchMs` later. */
  voted(deck: string): void {
    this.watch(deck);
    const watch = this.#watched.get(deck);
    if (!watch || watch.batch) return;
    watch.batch = setTimeout(() => {
      watch.batch = undefined;
      void this.#tick(deck);
    }, this.batchMs).unref();
  }

  /** Something changed (a poll opened, was shown, closed): every screen hears of it at once. */
  changed(deck: string): void {
    this.watch(deck);
    void this.#tick(deck);
  }

  watch(deck: string): void {
    if (this.#watched.has(deck)) return;
    const watch: Watch = {
      timer: setInterval(() => void this.#tick(deck), this.tickMs).unref(),
      batch: undefined,
      busy: false,
      again: false,
      sentPresenter: '',
      sentRoom: '',
      hallChanged: false,
    };
    this.#watched.set(deck, watch);
  }

  closeAll(): void {
    for (const watch of this.#watched.values()) {
      clearInterval(watch.timer);
      clearTimeout(watch.batch);
    }
    this.#watched.clear();
    this.#streams.closeAll();
  }

  async #tick(deck: string): Promise<void> {
    const watch = this.#watched.get(deck);
    if (!watch) return;
    if (watch.busy) {
      watch.again = true;
      return;
    }
    watch.busy = true;
    try {
      const poll = await this.store.current(deck);
      const question = poll && this.question(deck, poll.questionId);
      const counts = poll && question ? await this.store.tally(poll.id) : [];
      const presenter = poll && question ? pollView(poll, question, counts, 'presenter') : null;
      const room = poll && question ? pollView(poll, question, counts, 'room') : null;
      const presenterText = JSON.stringify(presenter);
      if (presenterText !== watch.sentPresenter) {
        watch.sentPresenter = presenterText;
        for (const client of this.#presenters.get(deck) ?? []) client.send(POLL_EVENT, presenter);
      }
      const roomText = JSON.stringify(room);
      if (roomText !== watch.sentRoom) {
        watch.sentRoom = roomText;
        await this.room.share(deck, POLL_EVENT, room);
      }
      if (watch.hallChanged) {
        watch.hallChanged = false;
        const hall = rankHall(await this.store.hall(deck));
        for (const client of this.#presenters.get(deck) ?? []) client.send(HALL_EVENT, hall);
        await this.room.share(deck, HALL_EVENT, hall);
      }
      const watching = (this.#presenters.get(deck)?.size ?? 0) > 0 || poll?.status === 'open';
      if (!watching && !watch.again && !watch.hallChanged) {
        clearInterval(watch.timer);
        clearTimeout(watch.batch);
        this.#watched.delete(deck);
      }
    } catch {
      // The store is unreachable for a moment: the next tick tries again.
    } finally {
      watch.busy = false;
      if (watch.again) {
        watch.again = false;
        void this.#tick(deck);
      }
    }
  }
}
