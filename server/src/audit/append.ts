import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { desc } from "drizzle-orm";
import { errorSays } from "../db/errors.js";
import { auditLog } from "../db/schema.js";
import type { AppDb, BatchStatement } from "../db/types.js";

export const AUDIT_GENESIS = "0".repeat(64);

export type AuditEntry = { actor: string; action: string; subject: string | null; details: Record<string, unknown> };

/**
 * The recipe a verifier reimplements (README, "The audit log"): lowercase hex SHA-256 of the UTF-8 bytes of
 * JSON.stringify([prevHash, at in milliseconds since the epoch, actor, action, subject or null, details]).
 */
export const auditHash = (prevHash: string, at: Date, entry: AuditEntry) =>
  bytesToHex(
    sha256(
      utf8ToBytes(JSON.stringify([prevHash, at.getTime(), entry.actor, entry.action, entry.subject, entry.details])),
    ),
  );

/** Appends to the hash chain; the unique prev_hash makes a concurrent append fail rather than fork, so retry once. */
export const appendAudit = async (db: AppDb, entry: AuditEntry, now = new Date()): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    const [head] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const prevHash = head?.hash ?? AUDIT_GENESIS;
    try {
      await db.insert(auditLog).values({ at: now, ...entry, prevHash, hash: auditHash(prevHash, now, entry) });
      return;
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
};

export const isChainConflict = (error: unknown) => errorSays(error, /audit_log\.prev_hash|audit_log_prev_hash/);

/**
 * A change and its audit entry in one transaction: both are stored or neither. The chain's head is
 * read first; if another writer appended meanwhile, the unique prev_hash refuses the whole batch,
 * which is then built again on the new head.
 */
export const auditedBatch = async (
  db: AppDb,
  changes: (now: Date) => BatchStatement[] | Promise<BatchStatement[]>,
  entry: AuditEntry,
  now = new Date(),
): Promise<void> => {
  for (let attempt = 0; ; attempt++) {
    const [head] = await db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    const prevHash = head?.hash ?? AUDIT_GENESIS;
    const audit = db.insert(auditLog).values({ at: now, ...entry, prevHash, hash: auditHash(prevHash, now, entry) });
    try {
      await db.batch([audit, ...(await changes(now))]);
      return;
    } catch (error) {
      if (attempt >= 4 || !isChainConflict(error)) throw error;
    }
  }
};
