import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { auditLog, staff } from "../../db/schema.js";
import type { AppDb } from "../../db/types.js";

export const AUDIT_PAGE_SIZE = 50;

export type AuditFilters = { actor?: string; tip?: string; action?: string; from?: Date; to?: Date };

/** An email address names a member; anything else ("operator", "anonymous") is matched as the actor itself. */
const actorIdOf = async (db: AppDb, actor: string) => {
  const [member] = await db.select({ id: staff.id }).from(staff).where(eq(staff.email, actor.toLowerCase())).limit(1);
  return member?.id ?? actor;
};

/** One page of the log, newest first, after the entry `before` (keyset on seq). */
export const auditPage = async (db: AppDb, filters: AuditFilters, before?: number) => {
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(eq(auditLog.actor, await actorIdOf(db, filters.actor)));
  if (filters.tip) conditions.push(eq(auditLog.subject, filters.tip));
  if (filters.action) conditions.push(eq(auditLog.action, filters.action));
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lt(auditLog.at, filters.to));
  if (before !== undefined) conditions.push(lt(auditLog.seq, before));
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      subject: auditLog.subject,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.seq))
    .limit(AUDIT_PAGE_SIZE + 1);
  const entries = rows.slice(0, AUDIT_PAGE_SIZE);
  const next = rows.length > AUDIT_PAGE_SIZE ? (entries.at(-1)?.seq ?? null) : null;
  return { entries, next };
};

export type AuditEntryRow = Awaited<ReturnType<typeof auditPage>>["entries"][number];

export const actionsInLog = async (db: AppDb) =>
  (await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)).map((r) => r.action);
