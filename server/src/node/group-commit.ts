import Database from "libsql";
import type { Commit } from "../db/commit.js";
import type { SqlStatement } from "../db/statements.js";

type Pending = { statements: readonly SqlStatement[]; resolve: () => void; reject: (error: unknown) => void };
type Statement = ReturnType<InstanceType<typeof Database>["prepare"]>;

/**
 * Group commit on a local file with `synchronous=FULL`: the requests waiting at the same moment share
 * one transaction, so one fsync answers all of them, and each is answered only after it. Each request
 * runs in its own savepoint, so one whose statement fails (an Idempotency-Key or a captcha taken by
 * another) is rolled back alone and the others still commit. The hot path's statements stay prepared.
 *
 * It has its own connection to the file, opened on first use; the app's other reads and writes go
 * through the libSQL client's connection (WAL lets them read while this one writes).
 */
export const groupCommit = (path: string) => {
  let db: InstanceType<typeof Database> | null = null;
  const prepared = new Map<string, Statement>();
  let queue: Pending[] = [];
  let flushing = false;
  const stats = { groups: 0, requests: 0 };

  const open = () => {
    if (db) return db;
    db = new Database(path);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA busy_timeout = 5000");
    db.exec("PRAGMA foreign_keys = ON");
    return db;
  };

  const run = (connection: InstanceType<typeof Database>, { sql, args }: SqlStatement) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = connection.prepare(sql);
      prepared.set(sql, statement);
    }
    statement.run(args.map((a) => (typeof a === "boolean" ? Number(a) : a)));
  };

  const commitGroup = (group: Pending[]) => {
    const connection = open();
    const failed = new Map<Pending, unknown>();
    try {
      connection.exec("BEGIN IMMEDIATE");
      for (const member of group) {
        connection.exec("SAVEPOINT member");
        try {
          for (const statement of member.statements) run(connection, statement);
          connection.exec("RELEASE member");
        } catch (error) {
          connection.exec("ROLLBACK TO member");
          connection.exec("RELEASE member");
          failed.set(member, error);
        }
      }
      connection.exec("COMMIT");
      stats.groups++;
    } catch (error) {
      if (connection.inTransaction) connection.exec("ROLLBACK");
      for (const member of group) member.reject(error);
      return;
    }
    for (const member of group) {
      const error = failed.get(member);
      if (failed.has(member)) member.reject(error);
      else member.resolve();
    }
  };

  const flush = () => {
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      commitGroup(group);
    }
    flushing = false;
  };

  const commit: Commit = (statements) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ statements, resolve, reject });
      stats.requests++;
      if (flushing) return;
      flushing = true;
      // Let every request that is ready in this turn of the event loop join the group.
      setImmediate(flush);
    });

  const close = () => {
    db?.close();
    db = null;
    prepared.clear();
  };

  return { commit, stats, close };
};
