import type { AppDb, BatchStatement } from "./types.js";

/** Writes the statements in one transaction and settles only once they are durable. */
export type Commit = (statements: readonly [BatchStatement, ...BatchStatement[]]) => Promise<void>;

/** D1 and Turso: each batch is one transaction, durable as that database promises (README: "What a 201 guarantees"). */
export const batchCommit =
  (db: AppDb): Commit =>
  async (statements) => {
    await db.batch(statements);
  };
