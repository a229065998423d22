import { type Client, type InArgs, type InStatement, LibsqlBatchError } from "@libsql/client";
import type { Commit } from "../db/commit.js";
import type { BatchStatement } from "../db/types.js";

type Pending = { statements: InStatement[]; resolve: () => void; reject: (error: unknown) => void };

const toStatement = (statement: BatchStatement): InStatement => {
  // drizzle's own libSQL batch sends exactly this: the query's SQL and its driver-mapped parameters.
  const { sql, params } = (statement as unknown as { toSQL(): { sql: string; params: InArgs } }).toSQL();
  return { sql, args: params };
};

/** The member whose statements hold the group's statement number `index`. */
const ownerOf = (members: readonly Pending[], index: number) => {
  let first = 0;
  for (const member of members) {
    if (index < first + member.statements.length) return member;
    first += member.statements.length;
  }
  return undefined;
};

/**
 * Group commit for a local file with `synchronous=FULL`: the requests waiting at the same moment
 * share one transaction, so one fsync answers all of them, and each is answered only after it.
 * A request whose statement fails (an Idempotency-Key taken by another request of the group) is
 * taken out and run alone after the others committed, so its failure costs nobody else their tip.
 */
export const groupCommit = (client: Client) => {
  let queue: Pending[] = [];
  let flushing = false;
  const stats = { groups: 0, requests: 0 };

  const runAlone = async (p: Pending) => {
    try {
      await client.batch(p.statements, "write");
      stats.groups++;
      p.resolve();
    } catch (error) {
      p.reject(error);
    }
  };

  const commitGroup = async (group: Pending[]) => {
    let members = group;
    const alone: Pending[] = [];
    while (members.length > 1) {
      try {
        await client.batch(
          members.flatMap((m) => m.statements),
          "write",
        );
        stats.groups++;
        for (const m of members) m.resolve();
        members = [];
      } catch (error) {
        if (!(error instanceof LibsqlBatchError)) {
          alone.push(...members);
          members = [];
          break;
        }
        const culprit = ownerOf(members, error.statementIndex);
        if (!culprit) throw error;
        alone.push(culprit);
        members = members.filter((m) => m !== culprit);
      }
    }
    for (const p of [...members, ...alone]) await runAlone(p);
  };

  const flush = async () => {
    while (queue.length > 0) {
      const group = queue;
      queue = [];
      await commitGroup(group);
    }
    flushing = false;
  };

  const commit: Commit = (statements) =>
    new Promise<void>((resolve, reject) => {
      queue.push({ statements: statements.map(toStatement), resolve, reject });
      stats.requests++;
      if (flushing) return;
      flushing = true;
      // Let every request that is ready in this turn of the event loop join the group.
      setImmediate(() => void flush());
    });

  return { commit, stats };
};
