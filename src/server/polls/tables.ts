import type { HallQuestion } from '../../shared/polls';
import type { PollRecord } from './store';

/**
 * What the SQLite and the PostgreSQL poll store share: the tables, with the column types each
 * database names differently, and how a row becomes a record. SQLite hands back 0/1 and
 * numbers, node-postgres booleans and bigints as strings; both read the same here.
 */
export interface ColumnTypes {
  /** true/false: INTEGER in SQLite, boolean in PostgreSQL. */
  flag: string;
  /** Milliseconds since 1970: INTEGER, bigint. */
  time: string;
}

/** The CREATE statements, in order; `table` names a table (with its schema, in PostgreSQL). */
export function pollTables(table: (name: string) => string, { flag, time }: ColumnTypes): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${table('polls')} (
      id text PRIMARY KEY,
      deck text NOT NULL,
      question text NOT NULL,
      kind text NOT NULL,
      status text NOT NULL,
      shown ${flag} NOT NULL DEFAULT false,
      revealed ${flag} NOT NULL DEFAULT false,
      dismissed ${flag} NOT NULL DEFAULT false,
      opened_at ${time} NOT NULL,
      closed_at ${time}
    )`,
    `CREATE INDEX IF NOT EXISTS polls_deck ON ${table('polls')} (deck, opened_at)`,
    `CREATE TABLE IF NOT EXISTS ${table('poll_votes')} (
      poll text NOT NULL REFERENCES ${table('polls')} (id),
      device text NOT NULL,
      answer text NOT NULL,
      at ${time} NOT NULL,
      PRIMARY KEY (poll, device)
    )`,
    `CREATE TABLE IF NOT EXISTS ${table('hall_questions')} (
      id text PRIMARY KEY,
      deck text NOT NULL,
      device text NOT NULL,
      text text NOT NULL,
      at ${time} NOT NULL,
      answered ${flag} NOT NULL DEFAULT false,
      shown ${flag} NOT NULL DEFAULT false
    )`,
    `CREATE INDEX IF NOT EXISTS hall_questions_deck ON ${table('hall_questions')} (deck)`,
    `CREATE TABLE IF NOT EXISTS ${table('hall_upvotes')} (
      question text NOT NULL REFERENCES ${table('hall_questions')} (id),
      device text NOT NULL,
      PRIMARY KEY (question, device)
    )`,
  ];
}

export interface PollRow {
  id: string;
  deck: string;
  question: string;
  kind: PollRecord['kind'];
  status: PollRecord['status'];
  shown: boolean | number;
  revealed: boolean | number;
  dismissed: boolean | number;
  opened_at: number | string;
  closed_at: number | string | null;
}

export function pollFromRow(row: PollRow): PollRecord {
  return {
    id: row.id,
    deck: row.deck,
    questionId: row.question,
    kind: row.kind,
    status: row.status,
    shown: Boolean(row.shown),
    revealed: Boolean(row.revealed),
    dismissed: Boolean(row.dismissed),
    openedAt: Number(row.opened_at),
    closedAt: row.closed_at === null ? null : Number(row.closed_at),
  };
}

/** A question from the hall with its upvotes counted (`votes`). */
export interface HallRow {
  id: string;
  text: string;
  at: number | string;
  answered: boolean | number;
  shown: boolean | number;
  votes: number | string;
}

export function hallFromRow(row: HallRow): HallQuestion {
  return {
    id: row.id,
    text: row.text,
    votes: Number(row.votes),
    answered: Boolean(row.answered),
    shown: Boolean(row.shown),
    at: new Date(Number(row.at)).toISOString(),
  };
}
