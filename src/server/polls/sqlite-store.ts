import Database from 'better-sqlite3';
import type { HallQuestion } from '../../shared/polls';
import { hallFromRow, pollFromRow, pollTables, type HallRow, type PollRow } from './tables';
import type {
  AnswerCount,
  NewHallQuestion,
  PollChange,
  PollRecord,
  PollStore,
  StoredAnswer,
  VoteOutcome,
} from './store';

interface UpdateParams {
  shown: number | null;
  revealed: number | null;
  dismissed: number | null;
  closedAt: number | null;
  deck: string;
  id: string;
}

/**
 * Polls and votes in one SQLite file (WAL, synchronous=NORMAL, like the visits): a vote is in
 * the WAL file when `vote` resolves, so it survives the process being killed.
 */
export class SqlitePollStore implements PollStore {
  readonly kind = 'sqlite';
  readonly #db: Database.Database;
  readonly #statements;

  constructor(file: string) {
    this.#db = new Database(file);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('busy_timeout = 5000');
    this.#db.exec(pollTables((name) => name, { flag: 'INTEGER', time: 'INTEGER' }).join(';\n'));
    const db = this.#db;
    this.#statements = {
      retire: db.prepare<[number, string]>(
        `UPDATE polls SET status = 'closed', closed_at = coalesce(closed_at, ?), dismissed = 1
         WHERE deck = ? AND dismissed = 0`,
      ),
      insert: db.prepare<[string, string, string, string, number]>(
        `INSERT INTO polls (id, deck, question, kind, status, opened_at) VALUES (?, ?, ?, ?, 'open', ?)`,
      ),
      get: db.prepare<[string, string], PollRow>('SELECT * FROM polls WHERE deck = ? AND id = ?'),
      current: db.prepare<[string], PollRow>(
        'SELECT * FROM polls WHERE deck = ? AND dismissed = 0 ORDER BY opened_at DESC, rowid DESC LIMIT 1',
      ),
      list: db.prepare<[string], PollRow>('SELECT * FROM polls WHERE deck = ? ORDER BY opened_at, rowid'),
      update: db.prepare<[UpdateParams]>(
        `UPDATE polls SET shown = coalesce(@shown, shown), revealed = coalesce(@revealed, revealed),
           dismissed = coalesce(@dismissed, dismissed),
           status = CASE WHEN @closedAt IS NULL THEN status ELSE 'closed' END,
           closed_at = coalesce(closed_at, @closedAt)
         WHERE deck = @deck AND id = @id`,
      ),
      vote: db.prepare<[{ poll: string; device: string; answer: string; at: number }]>(
        `INSERT INTO poll_votes (poll, device, answer, at)
         SELECT id, @device, @answer, @at FROM polls WHERE id = @poll AND status = 'open'
         ON CONFLICT (poll, device) DO UPDATE SET answer = excluded.answer, at = excluded.at`,
      ),
      status: db.prepare<[string], { status: string }>('SELECT status FROM polls WHERE id = ?'),
      voteOf: db.prepare<[string, string], StoredAnswer>(
        'SELECT answer, at FROM poll_votes WHERE poll = ? AND device = ?',
      ),
      tally: db.prepare<[string], AnswerCount>(
        'SELECT answer, count(*) AS count FROM poll_votes WHERE poll = ? GROUP BY answer ORDER BY count DESC, answer',
      ),
    };
    this.#hall = {
      ask: db.prepare<[NewHallQuestion & { deck: string }]>(
        'INSERT INTO hall_questions (id, deck, device, text, at) VALUES (@id, @deck, @device, @text, @at)',
      ),
      upvote: db.prepare<[string, string, string]>(
        `INSERT INTO hall_upvotes (question, device) SELECT id, ? FROM hall_questions WHERE id = ? AND deck = ?
         ON CONFLICT DO NOTHING`,
      ),
      exists: db.prepare<[string, string], { id: string }>('SELECT id FROM hall_questions WHERE id = ? AND deck = ?'),
      answered: db.prepare<[number, string, string]>(
        'UPDATE hall_questions SET answered = ? WHERE id = ? AND deck = ?',
      ),
      hideAll: db.prepare<[string]>('UPDATE hall_questions SET shown = 0 WHERE deck = ?'),
      shown: db.prepare<[number, string, string]>('UPDATE hall_questions SET shown = ? WHERE id = ? AND deck = ?'),
      list: db.prepare<[string], HallRow>(
        `SELECT q.id, q.text, q.at, q.answered, q.shown, count(u.device) AS votes
         FROM hall_questions q LEFT JOIN hall_upvotes u ON u.question = q.id
         WHERE q.deck = ? GROUP BY q.id`,
      ),
    };
    this.#ask = db.transaction((deck: string, question: NewHallQuestion) => {
      this.#hall.ask.run({ ...question, deck });
      this.#hall.upvote.run(question.device, question.id, deck);
    });
    this.#mark = db.transaction((deck: string, id: string, change: { answered?: boolean; shown?: boolean }) => {
      if (!this.#hall.exists.get(id, deck)) return false;
      if (change.answered !== undefined) this.#hall.answered.run(Number(change.answered), id, deck);
      if (change.shown) this.#hall.hideAll.run(deck);
      if (change.shown !== undefined) this.#hall.shown.run(Number(change.shown), id, deck);
      return true;
    });
    this.#open = db.transaction((poll: PollRecord) => {
      this.#statements.retire.run(poll.openedAt, poll.deck);
      this.#statements.insert.run(poll.id, poll.deck, poll.questionId, poll.kind, poll.openedAt);
    });
  }

  readonly #open: (poll: PollRecord) => void;
  readonly #hall;
  readonly #ask: (deck: string, question: NewHallQuestion) => void;
  readonly #mark: (deck: string, id: string, change: { answered?: boolean; shown?: boolean }) => boolean;

  async open(poll: PollRecord): Promise<void> {
    this.#open(poll);
  }

  async get(deck: string, id: string): Promise<PollRecord | undefined> {
    const row = this.#statements.get.get(deck, id);
    return row && pollFromRow(row);
  }

  async current(deck: string): Promise<PollRecord | undefined> {
    const row = this.#statements.current.get(deck);
    return row && pollFromRow(row);
  }

  async list(deck: string): Promise<PollRecord[]> {
    return this.#statements.list.all(deck).map(pollFromRow);
  }

  async update(deck: string, id: string, change: PollChange): Promise<PollRecord | undefined> {
    const flag = (value: boolean | undefined) => (value === undefined ? null : Number(value));
    this.#statements.update.run({
      shown: flag(change.shown),
      revealed: flag(change.revealed),
      dismissed: flag(change.dismissed),
      closedAt: change.closedAt ?? null,
      deck,
      id,
    });
    return this.get(deck, id);
  }

  async vote(poll: string, device: string, answer: string, at: number): Promise<VoteOutcome> {
    const { changes } = this.#statements.vote.run({ poll, device, answer, at });
    if (changes > 0) return 'stored';
    return this.#statements.status.get(poll) ? 'closed' : 'unknown';
  }

  async voteOf(poll: string, device: string): Promise<StoredAnswer | undefined> {
    return this.#statements.voteOf.get(poll, device);
  }

  async tally(poll: string): Promise<AnswerCount[]> {
    return this.#statements.tally.all(poll);
  }

  async ask(deck: string, question: NewHallQuestion): Promise<void> {
    this.#ask(deck, question);
  }

  async upvote(deck: string, question: string, device: string): Promise<boolean> {
    this.#hall.upvote.run(device, question, deck);
    return this.#hall.exists.get(question, deck) !== undefined;
  }

  async markQuestion(
    deck: string,
    question: string,
    change: { answered?: boolean; shown?: boolean },
  ): Promise<boolean> {
    return this.#mark(deck, question, change);
  }

  async hall(deck: string): Promise<HallQuestion[]> {
    return this.#hall.list.all(deck).map(hallFromRow);
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}
