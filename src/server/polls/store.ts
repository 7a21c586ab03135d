import type { HallQuestion, PollKind } from '../../shared/polls';

/** A poll as the store keeps it; times in ms. */
export interface PollRecord {
  id: string;
  deck: string;
  questionId: string;
  kind: PollKind;
  status: 'open' | 'closed';
  shown: boolean;
  revealed: boolean;
  /** Off the screens: a newer poll replaced it, or the lecturer put it away. */
  dismissed: boolean;
  openedAt: number;
  closedAt: number | null;
}

export type PollChange = Partial<Pick<PollRecord, 'shown' | 'revealed' | 'dismissed'>> & { closedAt?: number };

/** How many devices gave one answer, as stored (see `canonicalAnswer`). */
export interface AnswerCount {
  answer: string;
  count: number;
}

export type VoteOutcome = 'stored' | 'closed' | 'unknown';

export interface StoredAnswer {
  answer: string;
  at: number;
}

/**
 * Where polls and votes live. Both implementations resolve `vote` only after the vote is
 * committed, and store it only while its poll is open, checked in the same statement.
 */
export interface PollStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Stores a new open poll; every other poll of its deck is closed and dismissed. */
  open(poll: PollRecord): Promise<void>;
  get(deck: string, id: string): Promise<PollRecord | undefined>;
  /** The deck's newest poll that is not dismissed. */
  current(deck: string): Promise<PollRecord | undefined>;
  /** The deck's polls, oldest first. */
  list(deck: string): Promise<PollRecord[]>;
  update(deck: string, id: string, change: PollChange): Promise<PollRecord | undefined>;
  /** One device's vote; a second one replaces the first. */
  vote(poll: string, device: string, answer: string, at: number): Promise<VoteOutcome>;
  voteOf(poll: string, device: string): Promise<StoredAnswer | undefined>;
  tally(poll: string): Promise<AnswerCount[]>;
  /** A question from the hall; its device's upvote counts at once. */
  ask(deck: string, question: NewHallQuestion): Promise<void>;
  /** One upvote per device; false when the deck has no such question. */
  upvote(deck: string, question: string, device: string): Promise<boolean>;
  /** answered, or shown (one per deck: showing one hides the others); false for an unknown question. */
  markQuestion(deck: string, question: string, change: { answered?: boolean; shown?: boolean }): Promise<boolean>;
  /** The deck's questions, unranked. */
  hall(deck: string): Promise<HallQuestion[]>;
  close(): Promise<void>;
}

export interface NewHallQuestion {
  id: string;
  device: string;
  text: string;
  at: number;
}
