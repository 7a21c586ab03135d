import pg from 'pg';
import { StartupError } from '../config';
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

/** Polls and votes in PostgreSQL (DATABASE_URL); several servers share them. */
export class PostgresPollStore implements PollStore {
  readonly kind = 'postgres';

  private constructor(
    private readonly pool: pg.Pool,
    private readonly polls: string,
    private readonly votes: string,
    private readonly questions: string,
    private readonly upvotes: string,
  ) {}

  /** `schema` lets parallel test runs share one database without meeting. */
  static async open(connectionString: string, schema = 'public'): Promise<PostgresPollStore> {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new StartupError(`Ungültiger Schemaname: ${schema}`);
    const pool = new pg.Pool({ connectionString, max: 8 });
    pool.on('error', (error) => console.error('PostgreSQL:', error.message));
    const table = (name: string) => `"${schema}".${name}`;
    const polls = table('polls');
    const client = await pool.connect().catch(async (error: NodeJS.ErrnoException) => {
      await pool.end();
      throw new StartupError(
        `PostgreSQL unter DATABASE_URL ist nicht erreichbar (${error.message || error.code}). Prüfen Sie, ` +
          'ob der Datenbankserver läuft und ob Rechner, Port, Benutzer, Passwort und Datenbank in DATABASE_URL stimmen.',
      );
    });
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [polls]);
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      for (const statement of pollTables(table, { flag: 'boolean', time: 'bigint' })) await client.query(statement);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      await pool.end();
      throw error;
    } finally {
      client.release();
    }
    return new PostgresPollStore(pool, polls, table('poll_votes'), table('hall_questions'), table('hall_upvotes'));
  }

  async open(poll: PollRecord): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE ${this.polls} SET status = 'closed', closed_at = coalesce(closed_at, $1), dismissed = true
         WHERE deck = $2 AND NOT dismissed`,
        [poll.openedAt, poll.deck],
      );
      await client.query(
        `INSERT INTO ${this.polls} (id, deck, question, kind, status, opened_at) VALUES ($1, $2, $3, $4, 'open', $5)`,
        [poll.id, poll.deck, poll.questionId, poll.kind, poll.openedAt],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async get(deck: string, id: string): Promise<PollRecord | undefined> {
    const { rows } = await this.pool.query<PollRow>(`SELECT * FROM ${this.polls} WHERE deck = $1 AND id = $2`, [
      deck,
      id,
    ]);
    return rows[0] && pollFromRow(rows[0]);
  }

  async current(deck: string): Promise<PollRecord | undefined> {
    const { rows } = await this.pool.query<PollRow>(
      `SELECT * FROM ${this.polls} WHERE deck = $1 AND NOT dismissed ORDER BY opened_at DESC LIMIT 1`,
      [deck],
    );
    return rows[0] && pollFromRow(rows[0]);
  }

  async list(deck: string): Promise<PollRecord[]> {
    const { rows } = await this.pool.query<PollRow>(`SELECT * FROM ${this.polls} WHERE deck = $1 ORDER BY opened_at`, [
      deck,
    ]);
    return rows.map(pollFromRow);
  }

  async update(deck: string, id: string, change: PollChange): Promise<PollRecord | undefined> {
    const { rows } = await this.pool.query<PollRow>(
      `UPDATE ${this.polls} SET shown = coalesce($1, shown), revealed = coalesce($2, revealed),
         dismissed = coalesce($3, dismissed),
         status = CASE WHEN $4::bigint IS NULL THEN status ELSE 'closed' END,
         closed_at = coalesce(closed_at, $4::bigint)
       WHERE deck = $5 AND id = $6 RETURNING *`,
      [change.shown ?? null, change.revealed ?? null, change.dismissed ?? null, change.closedAt ?? null, deck, id],
    );
    return rows[0] && pollFromRow(rows[0]);
  }

  async vote(poll: string, device: string, answer: string, at: number): Promise<VoteOutcome> {
    // FOR SHARE: a close that commits first is seen; one that comes later waits for this vote.
    const { rowCount } = await this.pool.query({
      name: `vote-${this.votes}`,
      text: `INSERT INTO ${this.votes} (poll, device, answer, at)
             SELECT id, $2, $3, $4 FROM ${this.polls} WHERE id = $1 AND status = 'open' FOR SHARE
             ON CONFLICT (poll, device) DO UPDATE SET answer = excluded.answer, at = excluded.at`,
      values: [poll, device, answer, at],
    });
    if ((rowCount ?? 0) > 0) return 'stored';
    const { rows } = await this.pool.query(`SELECT 1 FROM ${this.polls} WHERE id = $1`, [poll]);
    return rows.length > 0 ? 'closed' : 'unknown';
  }

  async voteOf(poll: string, device: string): Promise<StoredAnswer | undefined> {
    const { rows } = await this.pool.query<{ answer: string; at: string }>(
      `SELECT answer, at FROM ${this.votes} WHERE poll = $1 AND device = $2`,
      [poll, device],
    );
    return rows[0] && { answer: rows[0].answer, at: Number(rows[0].at) };
  }

  async tally(poll: string): Promise<AnswerCount[]> {
    const { rows } = await this.pool.query<{ answer: string; count: string }>(
      `SELECT answer, count(*) AS count FROM ${this.votes} WHERE poll = $1 GROUP BY answer ORDER BY 2 DESC, 1`,
      [poll],
    );
    return rows.map((row) => ({ answer: row.answer, count: Number(row.count) }));
  }

  async ask(deck: string, question: NewHallQuestion): Promise<void> {
    await this.pool.query(
      `WITH asked AS (
         INSERT INTO ${this.questions} (id, deck, device, text, at) VALUES ($1, $2, $3, $4, $5) RETURNING id
       )
       INSERT INTO ${this.upvotes} (question, device) SELECT id, $3 FROM asked`,
      [question.id, deck, question.device, question.text, question.at],
    );
  }

  async upvote(deck: string, question: string, device: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `WITH target AS (SELECT id FROM ${this.questions} WHERE id = $1 AND deck = $2),
       added AS (INSERT INTO ${this.upvotes} (question, device) SELECT id, $3 FROM target ON CONFLICT DO NOTHING)
       SELECT id FROM target`,
      [question, deck, device],
    );
    return rows.length > 0;
  }

  async markQuestion(
    deck: string,
    question: string,
    change: { answered?: boolean; shown?: boolean },
  ): Promise<boolean> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rowCount } = await client.query(
        `UPDATE ${this.questions} SET answered = coalesce($1, answered) WHERE id = $2 AND deck = $3`,
        [change.answered ?? null, question, deck],
      );
      if (rowCount && change.shown !== undefined) {
        if (change.shown) await client.query(`UPDATE ${this.questions} SET shown = false WHERE deck = $1`, [deck]);
        await client.query(`UPDATE ${this.questions} SET shown = $1 WHERE id = $2`, [change.shown, question]);
      }
      await client.query('COMMIT');
      return (rowCount ?? 0) > 0;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async hall(deck: string): Promise<HallQuestion[]> {
    const { rows } = await this.pool.query<HallRow>(
      `SELECT q.id, q.text, q.at, q.answered, q.shown, count(u.device) AS votes
       FROM ${this.questions} q LEFT JOIN ${this.upvotes} u ON u.question = q.id
       WHERE q.deck = $1 GROUP BY q.id`,
      [deck],
    );
    return rows.map(hallFromRow);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
