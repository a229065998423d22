import { asc, gt } from "drizzle-orm";
import { auditLog } from "../db/schema.js";
import type { AppDb } from "../db/types.js";
import { AUDIT_GENESIS, auditHash } from "./append.js";

export type ChainCheck =
  | { intact: true; entries: number; head: string }
  | { intact: false; entries: number; brokenAt: number; problem: string };

/**
 * Walks the chain in `seq` order and names the first broken link: a row whose content no longer
 * gives its hash (edited), or whose prev_hash is not the hash of the row before it (a row removed,
 * inserted or moved). Removing the newest rows leaves no trace in the chain itself: compare the
 * head with one written down earlier.
 */
export const verifyAuditChain = async (db: AppDb, { chunk = 5_000 } = {}): Promise<ChainCheck> => {
  let previous = AUDIT_GENESIS;
  let entries = 0;
  let lastSeq = 0;
  // In pages, so that a log of millions of entries is checked in bounded memory.
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(chunk);
    for (const row of rows) {
      entries++;
      if (row.prevHash !== previous) {
        return {
          intact: false,
          entries: await countEntries(db),
          brokenAt: row.seq,
          problem: "does not follow the entry before it",
        };
      }
      const entry = { actor: row.actor, action: row.action, subject: row.subject, details: row.details };
      if (auditHash(row.prevHash, row.at, entry) !== row.hash) {
        return {
          intact: false,
          entries: await countEntries(db),
          brokenAt: row.seq,
          problem: "was changed after it was written",
        };
      }
      previous = row.hash;
      lastSeq = row.seq;
    }
    if (rows.length < chunk) return { intact: true, entries, head: previous };
  }
};

const countEntries = async (db: AppDb) => db.$count(auditLog);

export class BrokenChainError extends Error {}

/** `pnpm balagh audit verify`: the check, or an error (exit 1) that names the first broken entry. */
export const auditVerifyCommand = async (db: AppDb) => {
  const check = await verifyAuditChain(db);
  if (!check.intact) {
    throw new BrokenChainError(
      `the audit log is broken at entry ${check.brokenAt} (of ${check.entries}): it ${check.problem}`,
    );
  }
  return check;
};
