import Database from 'better-sqlite3';
import type { Visit } from '../../shared/tracking';
import { GroupCommit } from './group-commit';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer';
import { toVisit, type BucketCount, type NewVisit, type VisitStore } from './store';

interface Row extends NewVisit {
  id: number;
}

const COLUMNS = 'id, at, ip, path, referrer, user_agent AS userAgent';

function prepareStatements(db: Database.Database) {
  return {
    insert: db.prepare<[number, string, string, string, string]>(
      'INSERT INTO visits (at, ip, path, referrer, user_agent) VALUES (?, ?, ?, ?, ?)',
    ),
    newest: db.prepare<[number], Row>(`SELECT ${COLUMNS} FROM visits ORDER BY id DESC LIMIT ?`),
    before: db.prepare<[number, number], Row>(`SELECT ${COLUMNS} FROM visits WHERE id < ? ORDER BY id DESC LIMIT ?`),
    since: db.prepare<[number, number], Row>(`SELECT ${COLUMNS} FROM visits WHERE id > ? ORDER BY id ASC LIMIT ?`),
    buckets: db.prepare<[{ bucket: number; from: number }], BucketCount>(
      `SELECT (at / CAST(@bucket AS INTEGER)) * CAST(@bucket AS INTEGER) AS start, count(*) AS count FROM visits
       WHERE at >= @from GROUP BY start ORDER BY start`,
    ),
    count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM visits'),
    clear: db.prepare('DELETE FROM visits'),
  };
}

const CHECKPOINT_INTERVAL_MS = 1000;
/** Pages of WAL after which the committing connection checkpoints itself, if the worker lags. */
const FALLBACK_AUTOCHECKPOINT = 10_000;

/**
 * Visits in one SQLite file. WAL with synchronous=NORMAL: a commit is in the WAL file once
 * `add` resolves, so it survives the process being killed; a power cut may lose the commits
 * since the last checkpoint, about one second (see README). Concurrent visits share one
 * transaction.
 */
export class SqliteVisitStore implements VisitStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly commits: GroupCommit<NewVisit, Visit>;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly checkpointer: Checkpointer;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS visits (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        ip TEXT NOT NULL,
        path TEXT NOT NULL,
        referrer TEXT NOT NULL,
        user_agent TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS visits_at ON visits (at);
    `);
    this.statements = prepareStatements(this.db);
    const insertAll = this.db.transaction((visits: NewVisit[]) =>
      visits.map((visit) => {
        const { lastInsertRowid } = this.statements.insert.run(
          visit.at,
          visit.ip,
          visit.path,
          visit.referrer,
          visit.userAgent,
        );
        return toVisit(Number(lastInsertRowid), visit);
      }),
    );
    this.commits = new GroupCommit(insertAll);
    this.checkpointer = startCheckpointer(file, CHECKPOINT_INTERVAL_MS);
  }

  add(visit: NewVisit): Promise<Visit> {
    return this.commits.add(visit);
  }

  async list(limit: number, before?: number): Promise<Visit[]> {
    const rows = before === undefined ? this.statements.newest.all(limit) : this.statements.before.all(before, limit);
    return rows.map((row) => toVisit(row.id, row));
  }

  async since(after: number, limit: number): Promise<Visit[]> {
    return this.statements.since.all(after, limit).map((row) => toVisit(row.id, row));
  }

  async countPerBucket(bucketMs: number, from: number): Promise<BucketCount[]> {
    return this.statements.buckets.all({ bucket: bucketMs, from });
  }

  async count(): Promise<number> {
    return this.statements.count.get()?.count ?? 0;
  }

  async clear(): Promise<number> {
    return this.statements.clear.run().changes;
  }

  async close(): Promise<void> {
    await this.commits.drain();
    await this.checkpointer.stop();
    this.db.close();
  }
}
