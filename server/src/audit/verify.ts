import { asc } from "drizzle-orm";
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
export const verifyAuditChain = async (db: AppDb): Promise<ChainCheck> => {
  const rows = await db.select().from(auditLog).orderBy(asc(auditLog.seq));
  let previous = AUDIT_GENESIS;
  for (const row of rows) {
    if (row.prevHash !== previous) {
      return { intact: false, entries: rows.length, brokenAt: row.seq, problem: "does not follow the entry before it" };
    }
    const entry = { actor: row.actor, action: row.action, subject: row.subject, details: row.details };
    if (auditHash(row.prevHash, row.at, entry) !== row.hash) {
      return { intact: false, entries: rows.length, brokenAt: row.seq, problem: "was changed after it was written" };
    }
    previous = row.hash;
  }
  return { intact: true, entries: rows.length, head: previous };
};

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
