import type { SqlStatement } from "./statements.js";

/** Writes the statements in one transaction and settles only once they are durable. */
export type Commit = (statements: readonly SqlStatement[]) => Promise<void>;

/** Turso (or any libSQL client): one batch, one transaction, durable as that database promises. */
type LibsqlBatch = {
  batch(statements: { sql: string; args: SqlStatement["args"] }[], mode: "write"): Promise<unknown>;
};

export const libsqlCommit =
  (client: LibsqlBatch): Commit =>
  async (statements) => {
    await client.batch(
      statements.map(({ sql, args }) => ({ sql, args: args.map((a) => (typeof a === "boolean" ? Number(a) : a)) })),
      "write",
    );
  };
